import "server-only";
import { getDb } from "@/lib/db";
import { logError } from "@/lib/log";

const REFRESH_MS = 60_000;

let table: Map<string, string> = new Map();
let loadedAt = 0;
let loading: Promise<void> | null = null;

async function load(): Promise<void> {
  const rows = await getDb().articleSlugRedirect.findMany({
    where: { article: { status: "PUBLISHED", publishedAt: { not: null } } },
    select: { slug: true, article: { select: { slug: true } } },
  });
  table = new Map(rows.map((row) => [row.slug, row.article.slug]));
  loadedAt = Date.now();
}

// Old article slugs and where they live now, held in memory and reloaded at most once a minute, so that answering
// old links with a 301 costs article requests nothing. When the database cannot be read, nothing is redirected and
// the page itself still finds the new address.
export async function currentSlugFor(oldSlug: string): Promise<string | null> {
  if (Date.now() - loadedAt > REFRESH_MS) {
    loading ??= load()
      .catch((error) => void logError("slug-redirects", error))
      .finally(() => {
        loading = null;
      });
    if (loadedAt === 0) await loading;
  }
  return table.get(oldSlug) ?? null;
}
