// Cache tags for public data; writers revalidate exactly the tags whose data they changed.
export const cacheTags = {
  articles: "articles",
  articleComments: (articleId: number) => `article-comments:${articleId}`,
  /** Comment counts shown in article lists. */
  commentCounts: "comment-counts",
} as const;

// Everything public that changes when an article's approved comments change.
export function commentChangeTags(articleId: number): string[] {
  return [cacheTags.articleComments(articleId), cacheTags.commentCounts];
}
