import { connection } from "next/server";
import { listSitemapEntries } from "@/lib/data/articles/feeds";
import { xmlResponse, xmlText } from "@/lib/feeds/xml";
import { absolute, paths } from "@/lib/site";

// One sitemap file holds at most 50,000 addresses; past that the oldest articles are left out (an index of several
// files is the next step for a larger archive).
const MAX_URLS = 50_000;

function url(path: string, lastmod: Date | null): string {
  return `<url><loc>${xmlText(absolute(path))}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ""}</url>`;
}

export async function GET() {
  await connection();
  const { articles, sections, tags, authors } = await listSitemapEntries(MAX_URLS - 1000);
  const newest = articles[0] ? (articles[0].updatedAt ?? articles[0].publishedAt) : null;
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url("/", newest),
    ...sections.map((section) => url(paths.section(section.slug), section.lastmod)),
    ...tags.map((tag) => url(paths.tag(tag.slug), tag.lastmod)),
    ...authors.map((author) => url(paths.author(author.slug), author.lastmod)),
    ...articles.map((article) => url(paths.article(article.slug), article.updatedAt ?? article.publishedAt)),
    "</urlset>",
  ].join("\n");
  return xmlResponse(body, "application/xml");
}
