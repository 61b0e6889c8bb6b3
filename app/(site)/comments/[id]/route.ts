import { pageOfComment } from "@/lib/comments/pages";
import { buildThreads } from "@/lib/comments/thread";
import { getApprovedComments } from "@/lib/data/cached";
import { findApprovedCommentArticle } from "@/lib/data/comments/comments";
import { getCommentSettings } from "@/lib/data/site/settings";
import { parsePositiveId } from "@/lib/validation/search-params";

// GET /comments/:id — a comment's permanent address: it sends the reader to the page of the article's comments
// that holds it, however many comments came since.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const raw = (await context.params).id;
  const id = parsePositiveId(raw);
  const article = id === null ? null : await findApprovedCommentArticle(id);
  if (id === null || !article) return new Response("This comment is not available.", { status: 404, headers: { "Content-Type": "text/plain" } });
  const [comments, { commentsPerPage }] = await Promise.all([getApprovedComments(article.id), getCommentSettings()]);
  const page = pageOfComment(buildThreads(comments), id, commentsPerPage) ?? 1;
  return new Response(null, { status: 302, headers: { Location: `/articles/${article.slug}?cpage=${page}#comment-${id}` } });
}
