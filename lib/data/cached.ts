import "server-only";
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { findPublishedArticleBySlug, listLatestArticles } from "@/lib/data/articles";
import { listApprovedComments } from "@/lib/data/comments";

// Public reads, cached across requests and invalidated by tag: an editor's change revalidates "articles", an
// approval revalidates that article's comments, so the next request sees the change.
export const getLatestArticles = unstable_cache(listLatestArticles, ["latest-articles"], { tags: [cacheTags.articles] });

export const getPublishedArticle = unstable_cache(findPublishedArticleBySlug, ["published-article"], {
  tags: [cacheTags.articles],
});

export function getApprovedComments(articleId: number) {
  return unstable_cache(listApprovedComments, ["approved-comments"], {
    tags: [cacheTags.articleComments(articleId)],
  })(articleId);
}
