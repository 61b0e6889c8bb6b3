import { connection } from "next/server";
import { issueFormToken } from "@/lib/comments/form-token";
import { parsePositiveId } from "@/lib/validation/search-params";

// GET /api/comments/form-token?articleId=N — a comment-form token of the reader's own. The form on a cached article
// page carries one token for everybody who loaded that page; a reader with JavaScript swaps it for this one when
// they start to write, so the time on the form counts from then and their token is theirs alone.
export async function GET(request: Request) {
  await connection();
  const articleId = parsePositiveId(new URL(request.url).searchParams.get("articleId"));
  if (articleId === null) {
    return Response.json({ error: "articleId must be a positive whole number" }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  return Response.json({ token: issueFormToken(articleId) }, { headers: { "Cache-Control": "private, no-store" } });
}
