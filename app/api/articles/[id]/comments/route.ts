import { findPublishedArticleId } from "@/lib/data/articles/articles";
import { getApprovedComments } from "@/lib/data/cached";
import { parsePositiveId } from "@/lib/validation/search-params";

// GET /api/articles/:id/comments — an article's approved comments, oldest first, with what the page shows of each
// (never an email address). Shared caches may keep the answer briefly; an approval refreshes the data behind it.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const raw = (await context.params).id;
  const id = parsePositiveId(raw);
  if (id === null || !(await findPublishedArticleId(id))) {
    return Response.json({ error: "No published article has this id" }, { status: 404 });
  }
  const comments = await getApprovedComments(id);
  return Response.json({ articleId: id, count: comments.length, comments }, { headers: { "Cache-Control": "public, s-maxage=30, stale-while-revalidate=60" } });
}
