import { connection } from "next/server";
import { listNewsSitemapArticles } from "@/lib/data/articles/feeds";
import { xmlResponse, xmlText } from "@/lib/feeds/xml";
import { absolute, paths, SITE } from "@/lib/site";

// Google News sitemap: articles first published in the last 48 hours, with their original publication time.
export async function GET() {
  await connection();
  const articles = await listNewsSitemapArticles();
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...articles.map((article) =>
      [
        "<url>",
        `<loc>${xmlText(absolute(paths.article(article.slug)))}</loc>`,
        "<news:news>",
        `<news:publication><news:name>${xmlText(SITE.name)}</news:name><news:language>${SITE.language}</news:language></news:publication>`,
        `<news:publication_date>${article.publishedAt!.toISOString()}</news:publication_date>`,
        `<news:title>${xmlText(article.headline)}</news:title>`,
        "</news:news>",
        "</url>",
      ].join(""),
    ),
    "</urlset>",
  ].join("\n");
  return xmlResponse(body, "application/xml");
}
