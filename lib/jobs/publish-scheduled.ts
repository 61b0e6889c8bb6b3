import "server-only";
import { makeExpiryToken } from "@/lib/cache/expiry-token";
import { publishDueArticles } from "@/lib/data/newsroom/article-editing";
import { ownServerUrl, serverEnv } from "@/lib/env";

// An expiry this server still owes: articles went live but the cached pages could not be expired yet.
let expiryOwed = false;

// Scheduled articles go live at their time: the scheduler publishes them, then has the running site forget its
// cached pages (front page, sections, feeds, sitemaps; in the shared cache and at the edge when there are several
// servers). A background job has no request of its own to expire tags in, so it asks its own server the way the
// article importer does. An expiry that fails is asked for again at this server's next run.
export async function publishScheduledArticles(): Promise<number> {
  const published = await publishDueArticles();
  if (published.length > 0) {
    expiryOwed = true;
    console.log(JSON.stringify({ level: "info", job: "publish-scheduled", published, time: new Date().toISOString() }));
  }
  if (expiryOwed) await expireCachedPages();
  return published.length;
}

async function expireCachedPages(): Promise<void> {
  const response = await fetch(`${ownServerUrl()}/api/cache/expire`, {
    method: "POST",
    headers: { authorization: `Bearer ${makeExpiryToken(serverEnv().NEXTAUTH_SECRET)}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 204) throw new Error(`The site refused to expire its cached pages after publishing (HTTP ${response.status})`);
  expiryOwed = false;
}
