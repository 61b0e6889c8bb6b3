import { unsubscribeCommenter } from "@/lib/data/comments/notifications";
import { commentIdFromLink } from "@/lib/mail/links";

// POST /api/comments/unsubscribe?token=… — RFC 8058 one-click unsubscribe from a mail client, and the button on
// the unsubscribe page. The signed token is the whole authorisation; a GET never changes anything.
export async function POST(request: Request) {
  const id = commentIdFromLink("unsubscribe", new URL(request.url).searchParams.get("token"));
  if (id === null || !(await unsubscribeCommenter(id))) {
    return Response.json({ error: "The link has expired or is not valid" }, { status: 400 });
  }
  const fromPage =
    request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded") && !(await request.text()).includes("List-Unsubscribe=One-Click");
  if (fromPage) return new Response(null, { status: 303, headers: { Location: "/comments/unsubscribe?done=1" } });
  return Response.json({ unsubscribed: true });
}

// A mail client that opens the List-Unsubscribe address in a browser gets the page with the button.
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { Location: `/comments/unsubscribe?token=${encodeURIComponent(token)}` } });
}
