import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { after } from "next/server";
import { cacheTags, commentChangeTags } from "@/lib/cache-tags";
import { findArticlePlaces } from "@/lib/data/articles/article-places";
import { edgeKeys, edgeKeysForArticles } from "@/lib/edge/edge-keys";
import { purgeEdgeKeys } from "@/lib/edge/purge-edge";

// A change to what public pages show is forgotten in two places: the framework's cache drops the data and pages by
// tag (in Redis when configured, so every instance agrees), and the HTTP cache in front (Varnish) drops the pages by
// key. The edge is purged once the answer to this request is finished: Next.js applies the tags as the action or route
// completes, and a purge sent before that would let the edge fetch and keep the old page again. A second purge a
// moment later covers an instance that had not yet heard of the tags when the edge asked it for the page.
const SECOND_PURGE_MS = 1500;

type Where = "action" | "route";

function expire(tags: Iterable<string>, where: Where, keys: () => Promise<string[]>): void {
  // In a server action updateTag makes the change show on the very next request, the acting reader's included; a
  // route handler may not call it, and expiring at once has the same effect there.
  for (const tag of new Set(tags)) {
    if (where === "action") updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
  after(async () => {
    const purge = await keys();
    await purgeEdgeKeys(purge);
    setTimeout(() => void purgeEdgeKeys(purge), SECOND_PURGE_MS).unref();
  });
}

/** The approved comments of these articles changed: their pages and the lists that count their comments. */
export function expireCommentPages(articleIds: Iterable<number>, where: Where = "action"): void {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return;
  expire(
    ids.flatMap((id) => commentChangeTags(id)),
    where,
    async () => edgeKeysForArticles(await findArticlePlaces(ids)),
  );
}

/** Something every article page shows changed (the comment settings, one article's comments opened or closed). */
export function expireArticlePages(where: Where = "action"): void {
  expire([cacheTags.articles], where, async () => [edgeKeys.articles]);
}

/** An article went live, changed while live or left the site: its page and every list that may show it. */
export function expireNewsroomArticle(): void {
  expire([cacheTags.articles], "action", async () => [edgeKeys.site]);
}

/** Articles were imported or changed outside a request (the importer): every public page, lists included. */
export function expireWholeSite(): void {
  expire([cacheTags.articles, cacheTags.commentCounts], "route", async () => [edgeKeys.site]);
}
