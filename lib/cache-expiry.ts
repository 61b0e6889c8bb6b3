import { revalidateTag, updateTag } from "next/cache";
import { after } from "next/server";
import { commentChangeTags } from "@/lib/cache-tags";
import { emptyPageCache } from "@/lib/http/page-cache-registry.mjs";

// A change to what public pages show is forgotten in two places: the framework's cache drops the data by tag, and the
// server's page cache (scripts/page-cache.mjs) drops the pages built from it. The page cache is emptied at once, and
// again once the answer to this request is finished: Next.js applies the tags as the action or route completes, and
// a page rendered from the old data in between must not stay.
function emptyPageCacheNowAndAfter(): void {
  emptyPageCache();
  after(emptyPageCache);
}

/** In a server action: the change shows on the very next request, the acting reader's or staff member's included. */
export function expireTags(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) updateTag(tag);
  emptyPageCacheNowAndAfter();
}

/** In a server action that changed the approved comments of these articles. */
export function expireCommentPages(articleIds: Iterable<number>): void {
  expireTags([...articleIds].flatMap((id) => commentChangeTags(id)));
}

/** In a route handler, where updateTag is not allowed: expiring at once has the same effect. */
export function expireTagsFromRoute(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  emptyPageCacheNowAndAfter();
}
