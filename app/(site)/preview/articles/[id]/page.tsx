import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleView } from "@/components/article/article-view";
import { findArticleByPreviewToken } from "@/lib/data/articles/article-preview";
import { parsePositiveId } from "@/lib/validation/search-params";

// An article in any status exactly as its page will show it, for whoever holds a signed preview link
// (lib/newsroom/preview-link.ts). Rendered per request and never stored by a shared cache (next.config.ts,
// deploy/varnish/site.vcl), kept out of search engines, and the token in the address is never sent on as a referrer.
// A link that cannot be used answers 404 with ./not-found.tsx.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The metadata and the page ask once between them.
const previewed = cache(async (id: string, token: unknown) => {
  const articleId = parsePositiveId(id);
  return articleId ? findArticleByPreviewToken(articleId, token) : null;
});

async function load({ params, searchParams }: Props) {
  const article = await previewed((await params).id, (await searchParams).token);
  if (!article) notFound();
  return article;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const article = await load(props);
  return { title: `Preview: ${article.headline}`, robots: { index: false, follow: false } };
}

export default async function ArticlePreviewPage(props: Props) {
  return <ArticleView article={await load(props)} comments={null} />;
}
