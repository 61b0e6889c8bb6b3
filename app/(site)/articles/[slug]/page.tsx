import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleBody } from "@/components/article/article-body";
import { ArticleFooter } from "@/components/article/article-footer";
import { RelatedArticles } from "@/components/article/related-articles";
import { JsonLd } from "@/components/seo/json-ld";
import { ArticleHeader } from "@/components/article/article-header";
import { FeaturedImage } from "@/components/article/featured-image";
import { CommentsSection } from "@/components/comments/comments-section";
import { findCurrentSlug } from "@/lib/data/articles";
import { getPublishedArticle, getRelatedArticles, getSectionNeighbours } from "@/lib/data/cached";
import { pageMetadata } from "@/lib/seo/metadata";
import { newsArticleJsonLd } from "@/lib/seo/news-article";
import { paths } from "@/lib/site";
import { articleSearchParamsSchema, slugSchema } from "@/lib/validation/search-params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadArticle(params: Props["params"]) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const article = await getPublishedArticle(slug.data);
  if (article) return article;
  // An old address: the proxy answers these with a 301; this covers a slug changed moments ago.
  const current = await findCurrentSlug(slug.data);
  if (current) permanentRedirect(paths.article(current));
  notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(params);
  return pageMetadata({
    title: article.headline,
    description: article.dek || undefined,
    path: paths.article(article.slug),
    image: article.image,
    article: {
      publishedAt: article.publishedAt,
      updatedAt: article.updatedAt,
      section: article.section.name,
      authors: article.authors.map((author) => author.name),
      tags: article.tags.map((tag) => tag.name),
    },
  });
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const article = await loadArticle(params);
  const query = articleSearchParamsSchema.parse(await searchParams);
  const articlePath = paths.article(article.slug);
  const relation = { id: article.id, sectionId: article.sectionId, publishedAt: article.publishedAt, tagSlugs: article.tags.map((tag) => tag.slug), linkedIds: article.linkedIds };
  const [related, neighbours] = await Promise.all([getRelatedArticles(relation, 4), getSectionNeighbours(relation)]);

  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={newsArticleJsonLd(article)} />
      <ArticleHeader article={article} />
      <FeaturedImage article={article} />
      <ArticleBody blocks={article.blocks} />
      <ArticleFooter article={article} previous={neighbours.previous} next={neighbours.next} />
      <RelatedArticles articles={related} />
      <CommentsSection
        articleId={article.id}
        articlePath={articlePath}
        openness={{ commentsOpen: article.commentsOpen, publishedAt: article.publishedAt }}
        replyToId={query.replyto}
        focusCommentId={query.comment ?? query.replyto}
        requestedPage={query.cpage}
        order={query.corder}
        formKey={`${query.replyto ?? "new"}-${query.comment ?? ""}`}
      />
    </article>
  );
}
