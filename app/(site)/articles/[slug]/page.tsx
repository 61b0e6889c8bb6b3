import { ArticleView } from "@/components/article/article-view";
import { DEFAULT_COMMENTS_VIEW } from "@/components/comments/comments-section";
import { articleMetadata, loadArticle, type ArticleParams } from "./load-article";

// The article as everybody sees it: rendered once, kept in the page cache and by shared caches, and rendered again
// when its tags are revalidated (an edit, an approved comment) or after 30 seconds at most. Nothing here depends on
// the request; an address asking for a comment view and a reader with a comment waiting are sent by the proxy to
// ./per-request, which renders for that request alone.
export const revalidate = 30;

// No article is rendered at build time (the build needs no database); each is rendered on its first request.
export function generateStaticParams() {
  return [];
}

export const generateMetadata = articleMetadata;

export default async function ArticlePage({ params }: { params: ArticleParams }) {
  const article = await loadArticle(params);
  return <ArticleView article={article} comments={DEFAULT_COMMENTS_VIEW} />;
}
