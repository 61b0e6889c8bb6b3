import "server-only";
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { findPublishedArticleBySlug, listLatestArticles } from "@/lib/data/articles";
import type { ArticleDetailDto } from "@/lib/data/dto";
import { listApprovedComments } from "@/lib/data/comments";

// Public reads, cached across requests and invalidated by tag: an approval revalidates that article's comments, so
// the next request shows them. The time limits are a safety net for changes made outside the app (an import, a
// database console) and for a render that read the database just before a tag was revalidated.
const ARTICLE_SECONDS = 300;
const COMMENT_SECONDS = 30;

export const getLatestArticles = unstable_cache(listLatestArticles, ["latest-articles"], {
  tags: [cacheTags.articles, cacheTags.commentCounts],
  revalidate: ARTICLE_SECONDS,
});

class ArticleNotFound extends Error {}

// A miss is never cached (a thrown error is not): an article that appears later is served at once, and requests
// for made-up slugs cannot fill the cache.
const getPublishedArticleOrThrow = unstable_cache(
  async (slug: string): Promise<ArticleDetailDto> => {
    const article = await findPublishedArticleBySlug(slug);
    if (!article) throw new ArticleNotFound(slug);
    return article;
  },
  ["published-article"],
  { tags: [cacheTags.articles], revalidate: ARTICLE_SECONDS },
);

export async function getPublishedArticle(slug: string): Promise<ArticleDetailDto | null> {
  try {
    return await getPublishedArticleOrThrow(slug);
  } catch (error) {
    if (error instanceof ArticleNotFound) return null;
    throw error;
  }
}

export function getApprovedComments(articleId: number) {
  return unstable_cache(listApprovedComments, ["approved-comments"], {
    tags: [cacheTags.articleComments(articleId)],
    revalidate: COMMENT_SECONDS,
  })(articleId);
}
