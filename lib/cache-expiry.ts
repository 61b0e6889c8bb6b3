import { revalidateTag, updateTag } from "next/cache";

// A change to what public pages show is forgotten in two places: the framework's cache drops the data by tag, and the
// server's page cache (scripts/page-cache.mjs) drops the pages built from it, so the next reader gets a fresh page.
// The page cache exists only in the production server; under `next dev` and in tests there is nothing to empty.
const PAGE_CACHE = Symbol.for("newsroom.page-cache");

function emptyPageCache(): void {
  (globalThis as { [PAGE_CACHE]?: { expire(): void } })[PAGE_CACHE]?.expire();
}

/** In a server action: the change shows on the very next request, the acting reader's or staff member's included. */
export function expireTags(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) updateTag(tag);
  emptyPageCache();
}

/** In a route handler, where updateTag is not allowed: expiring at once has the same effect. */
export function expireTagsFromRoute(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  emptyPageCache();
}
