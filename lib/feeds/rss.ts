import "server-only";
import type { listFeedArticles } from "@/lib/data/articles/feeds";
import { xmlText } from "@/lib/feeds/xml";
import { absolute, paths, SITE } from "@/lib/site";

type Feed = NonNullable<Awaited<ReturnType<typeof listFeedArticles>>>;

// RSS 2.0 with the Atom self link, every author as a Dublin Core creator, and the featured photo as media:content,
// so feed readers show it without fetching the page.
export function renderRss(feed: Feed, feedPath: string): string {
  const title = feed.section ? `${feed.section.name} · ${SITE.name}` : SITE.name;
  const link = absolute(feed.section ? paths.section(feed.section.slug) : "/");
  const description = feed.section?.description || SITE.description;
  const newest = feed.articles[0];
  const items = feed.articles.map((article) => {
    const url = absolute(paths.article(article.slug));
    return [
      "<item>",
      `<title>${xmlText(article.headline)}</title>`,
      `<link>${xmlText(url)}</link>`,
      `<guid isPermaLink="true">${xmlText(url)}</guid>`,
      article.publishedAt ? `<pubDate>${article.publishedAt.toUTCString()}</pubDate>` : "",
      article.dek ? `<description>${xmlText(article.dek)}</description>` : "",
      ...article.authors.map(({ author }) => `<dc:creator>${xmlText(author.name)}</dc:creator>`),
      `<category>${xmlText(article.section.name)}</category>`,
      ...article.tags.map(({ tag }) => `<category>${xmlText(tag.name)}</category>`),
      article.imageSrc ? `<media:content url="${xmlText(absolute(article.imageSrc))}" medium="image"/>` : "",
      "</item>",
    ]
      .filter(Boolean)
      .join("");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    "<channel>",
    `<title>${xmlText(title)}</title>`,
    `<link>${xmlText(link)}</link>`,
    `<description>${xmlText(description)}</description>`,
    `<language>${SITE.language}</language>`,
    `<atom:link href="${xmlText(absolute(feedPath))}" rel="self" type="application/rss+xml"/>`,
    newest?.publishedAt ? `<lastBuildDate>${(newest.updatedAt ?? newest.publishedAt).toUTCString()}</lastBuildDate>` : "",
    "<ttl>15</ttl>",
    ...items,
    "</channel>",
    "</rss>",
  ]
    .filter(Boolean)
    .join("\n");
}
