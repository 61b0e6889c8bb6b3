import { connection } from "next/server";
import { listFeedArticles } from "@/lib/data/articles/feeds";
import { renderRss } from "@/lib/feeds/rss";
import { xmlResponse } from "@/lib/feeds/xml";
import { paths } from "@/lib/site";
import { slugSchema } from "@/lib/validation/search-params";

const FEED_SIZE = 30;

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const slug = slugSchema.safeParse((await params).slug);
  const feed = slug.success ? await listFeedArticles(slug.data, FEED_SIZE) : null;
  if (!feed || !slug.success) return new Response("No such section.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return xmlResponse(renderRss(feed, paths.sectionFeed(slug.data)), "application/rss+xml");
}
