// @ts-check
// The query parameters the pages that may be shared read, used by the proxy (which sends a request that asks for one
// of them to the page's per-request route) and by the server (scripts/serve.mjs, which drops every other one).
// Next.js writes the address it renders for into the page's router data, and a shared page's rendering is stored for
// everybody: left in, one reader's made-up query (or a campaign tag) would be handed to every reader after them.

/**
 * The query as the client sent it, when the server dropped part of it: an old article address is redirected with
 * it, so a campaign's tags survive the move. Set by the server only (a client's own is removed).
 */
export const SENT_QUERY_HEADER = "x-sent-query";

/** What an article page shows of its comments (see articleSearchParamsSchema). */
export const COMMENT_VIEW_PARAMETERS = new Set(["replyto", "comment", "cpage", "corder"]);

/** @type {[RegExp, Set<string>][]} The pages that may be shared, with the parameters each reads. */
const SHAREABLE_PAGES = [
  [/^\/$/, new Set()],
  [/^\/articles\/[^/]+$/, COMMENT_VIEW_PARAMETERS],
  // A listing's later pages are rendered per request.
  [/^\/(?:sections|tags|authors)\/[^/]+$/, new Set(["page"])],
];

/**
 * The address with the query parameters its page never reads left out; other addresses as they are. The router's
 * cache-busting "_rsc" marker goes too: Next.js would write it into the page like any other parameter, and its check
 * of the marker is off (next.config.ts), since no cache in front keeps a router request.
 * @param {string} url the request's path and query
 */
export function withoutUnreadQuery(url) {
  const queryStart = url.indexOf("?");
  if (queryStart === -1) return url;
  const path = url.slice(0, queryStart);
  const read = SHAREABLE_PAGES.find(([page]) => page.test(path))?.[1];
  if (!read) return url;
  const query = url.slice(queryStart + 1);
  const kept = [...new URLSearchParams(query)].filter(([name]) => read.has(name));
  // Every part a parameter the page reads (no empty ones): left as sent, as its per-request route reads it.
  if (kept.length > 0 && kept.length === query.split("&").length) return url;
  return kept.length === 0 ? path : `${path}?${new URLSearchParams(kept).toString()}`;
}
