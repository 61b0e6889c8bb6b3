import "server-only";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { findCurrentSlug } from "@/lib/data/articles/articles";
import { getPublishedArticle } from "@/lib/data/cached";
import { pageMetadata } from "@/lib/seo/metadata";
import { paths } from "@/lib/site";
import { slugSchema } from "@/lib/validation/search-params";

export type ArticleParams = Promise<{ slug: string }>;

// Both renderings of an article (the cached one for everybody, the per-request one) find it the same way.
export async function loadArticle(params: ArticleParams) {
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) notFound();
  const article = await getPublishedArticle(slug.data);
  if (article) return article;
  // An old address: the proxy answers these with a 301; this covers a slug changed moments ago.
  const current = await findCurrentSlug(slug.data);
  if (current) permanentRedirect(paths.article(current));
  notFound();
}

export async function articleMetadata({ params }: { params: ArticleParams }): Promise<Metadata> {
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
