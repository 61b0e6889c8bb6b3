import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleHeader } from "@/components/article/article-header";
import { FeaturedImage } from "@/components/article/featured-image";
import { CommentsSection } from "@/components/comments/comments-section";
import { getPublishedArticle } from "@/lib/data/cached";
import { articleSearchParamsSchema, slugSchema } from "@/lib/validation/search-params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadArticle(params: Props["params"]) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const article = await getPublishedArticle(slug.data);
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params);
  return { title: article.headline, description: article.dek || undefined };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const article = await loadArticle(params);
  const query = articleSearchParamsSchema.parse(await searchParams);
  const articlePath = `/articles/${article.slug}`;

  return (
    <article className="mx-auto max-w-3xl">
      <ArticleHeader article={article} />
      <FeaturedImage article={article} />
      <ArticleBody blocks={article.blocks} />
      <CommentsSection
        articleId={article.id}
        articlePath={articlePath}
        openness={{ commentsOpen: article.commentsOpen, publishedAt: article.publishedAt }}
        replyToId={query.replyto}
        focusCommentId={query.comment ?? query.replyto}
        requestedPage={query.cpage}
        formKey={`${query.replyto ?? "new"}-${query.comment ?? ""}`}
      />
    </article>
  );
}
