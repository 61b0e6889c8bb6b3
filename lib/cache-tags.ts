// Cache tags for public data; writers revalidate exactly the tags whose data they changed.
export const cacheTags = {
  articles: "articles",
  articleComments: (articleId: number) => `article-comments:${articleId}`,
} as const;
