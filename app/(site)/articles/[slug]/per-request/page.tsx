import { ArticleView } from "@/components/article/article-view";
import { readOwnPendingIds } from "@/lib/comments/pending-cookie";
import { articleSearchParamsSchema } from "@/lib/validation/search-params";
import { articleMetadata, loadArticle, type ArticleParams } from "../load-article";

// The article rendered for one request: a chosen comment order or page, a reply form, a permalink's page, or the
// reader's own comments awaiting moderation. The proxy sends such requests here without changing the address (the
// canonical link still names the article), and the answer is private: no shared cache keeps it.
export const generateMetadata = articleMetadata;

type Props = { params: ArticleParams; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ArticlePerRequestPage({ params, searchParams }: Props) {
  const article = await loadArticle(params);
  const query = articleSearchParamsSchema.parse(await searchParams);
  const ownIds = await readOwnPendingIds();
  return (
    <ArticleView
      article={article}
      comments={{ replyToId: query.replyto, focusCommentId: query.comment ?? query.replyto, requestedPage: query.cpage, order: query.corder, ownIds }}
    />
  );
}
