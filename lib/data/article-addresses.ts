import "server-only";
import { getDb } from "@/lib/db";
import { publishedWhere } from "@/lib/data/listings";
import { logError } from "@/lib/log";

const REFRESH_MS = 60_000;
const RETRY_MS = 5_000;

type AddressBook = { current: Set<string>; moved: Map<string, string> };

let book: AddressBook = { current: new Set(), moved: new Map() };
let loadedAt = 0;
let loading: Promise<void> | null = null;

async function load(): Promise<void> {
  const [articles, redirects] = await Promise.all([
    getDb().article.findMany({ where: publishedWhere, select: { slug: true } }),
    getDb().articleSlugRedirect.findMany({ where: { article: publishedWhere }, select: { slug: true, article: { select: { slug: true } } } }),
  ]);
  book = { current: new Set(articles.map((article) => article.slug)), moved: new Map(redirects.map((row) => [row.slug, row.article.slug])) };
  loadedAt = Date.now();
}

export type ArticleAddress = { kind: "published" } | { kind: "moved"; to: string } | { kind: "unknown" };

// Every published article's address, and where old addresses live now, held in memory and reloaded at most once a
// minute, so that the proxy can answer old links with a 301 and send only real articles to the page cache (an
// address that is not an article must not leave a cached page behind) at no cost per request. An article published
// in the last minute is "unknown" for that minute: its page is then rendered per request, which is slower but right.
// When the database cannot be read, the last table stands (at startup: an empty one, so pages render per request).
export async function articleAddress(slug: string): Promise<ArticleAddress> {
  if (Date.now() - loadedAt > REFRESH_MS) {
    loading ??= load()
      .catch((error) => {
        logError("article-addresses", error);
        // Try again in a few seconds, without making every request wait for a database that is not answering.
        loadedAt = Date.now() - REFRESH_MS + RETRY_MS;
      })
      .finally(() => {
        loading = null;
      });
    if (loadedAt === 0) await loading;
  }
  if (book.current.has(slug)) return { kind: "published" };
  const to = book.moved.get(slug);
  return to ? { kind: "moved", to } : { kind: "unknown" };
}
