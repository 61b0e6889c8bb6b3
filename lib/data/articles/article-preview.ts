import "server-only";
import { toArticleDetail } from "@/lib/data/articles/articles";
import { articleDetailSelect, type ArticleDetailDto } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";
import { isPreviewToken } from "@/lib/newsroom/preview-link";

// An article in any status, drafts included, for whoever holds its signed preview link. The token is checked here,
// before the query, so no page can read an unpublished article by its id alone.
export async function findArticleByPreviewToken(articleId: number, token: unknown): Promise<ArticleDetailDto | null> {
  if (!isPreviewToken(articleId, token)) return null;
  const row = await getDb().article.findUnique({ where: { id: articleId }, select: articleDetailSelect });
  return row ? toArticleDetail(row) : null;
}
