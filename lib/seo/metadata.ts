import type { Metadata } from "next";
import type { ImageDto } from "@/lib/data/comments/dto";
import { absolute, SITE } from "@/lib/site";

type PageMetadata = {
  title: string;
  description?: string;
  path: string;
  image?: ImageDto | null;
  article?: { publishedAt: string | null; updatedAt: string | null; section: string; authors: string[]; tags: string[] };
  /** Search results and other thin pages are kept out of search engines' indexes. */
  noindex?: boolean;
};

// Canonical address, Open Graph and Twitter card for one page, all with absolute URLs at request time.
export function pageMetadata({ title, description, path, image, article, noindex }: PageMetadata): Metadata {
  const url = absolute(path);
  const images = image ? [{ url: absolute(image.src), width: image.width, height: image.height, alt: image.alt }] : undefined;
  return {
    title,
    description,
    alternates: { canonical: url, types: { "application/rss+xml": [{ url: absolute("/feed.xml"), title: SITE.name }] } },
    robots: noindex ? { index: false, follow: true } : { index: true, follow: true, googleBot: { index: true, follow: true, "max-image-preview": "large" } },
    openGraph: {
      title,
      description,
      url,
      siteName: SITE.name,
      locale: "en_US",
      images,
      ...(article
        ? {
            type: "article",
            publishedTime: article.publishedAt ?? undefined,
            modifiedTime: article.updatedAt ?? article.publishedAt ?? undefined,
            section: article.section,
            authors: article.authors,
            tags: article.tags,
          }
        : { type: "website" }),
    },
    twitter: { card: image ? "summary_large_image" : "summary", title, description, images: images?.map((entry) => entry.url) },
  };
}
