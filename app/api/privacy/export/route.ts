import { exportReaderData } from "@/lib/data/readers/reader-data";
import { BodyTooLarge, readBodyWithLimit } from "@/lib/http/read-body";

const PAGE = "/privacy/my-comments/download";
const NOT_STORED = { "Cache-Control": "private, no-store" };

// POST /api/privacy/export (token=… from the download page's button): the commenter's comments as a JSON file.
// The signed, single-use token is the whole authorisation. A refused link goes back to the page, which says why.
export async function POST(request: Request) {
  let body: string;
  try {
    body = await readBodyWithLimit(request, 4096);
  } catch (error) {
    if (error instanceof BodyTooLarge) return new Response("Request too large", { status: 413, headers: NOT_STORED });
    throw error;
  }
  const result = await exportReaderData(new URLSearchParams(body).get("token"));
  if (!result.ok) return new Response(null, { status: 303, headers: { ...NOT_STORED, Location: `${PAGE}?refused=${result.reason}` } });
  const day = result.data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(result.data, null, 2), {
    status: 200,
    headers: {
      ...NOT_STORED,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="harbor-ledger-comments-${day}.json"`,
    },
  });
}
