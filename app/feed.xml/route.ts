import { connection } from "next/server";
import { listFeedArticles } from "@/lib/data/articles/feeds";
import { renderRss } from "@/lib/feeds/rss";
import { xmlResponse } from "@/lib/feeds/xml";

const FEED_SIZE = 30;

export async function GET() {
  await connection();
  const feed = (await listFeedArticles(null, FEED_SIZE))!;
  return xmlResponse(renderRss(feed, "/feed.xml"), "application/rss+xml");
}
