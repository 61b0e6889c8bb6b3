// @ts-check
// The query parameters the pages that may be shared read, used by the proxy (which sends a request that asks for one
// of them to the page's per-request route) and by the server (scripts/serve.mjs, which drops every other one).
// Next.js writes the address it renders for into the page's router data, and a shared page's rendering is stored for
// everybody: left in, one reader's made-up query (or a campaign tag) would be handed to every reader after them.

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
 * own request for a page's data keeps its cache-busting "_rsc" marker, which Next.js checks and removes.
 * @param {string} url the request's path and query
 * @param {boolean} routerRequest whether the request carries the router's RSC header
 */
export function withoutUnreadQuery(url, routerRequest) {
  const queryStart = url.indexOf("?");
  if (queryStart === -1) return url;
  const path = url.slice(0, queryStart);
  const read = SHAREABLE_PAGES.find(([page]) => page.test(path))?.[1];
  if (!read) return url;
  const sent = [...new URLSearchParams(url.slice(queryStart + 1))];
  const kept = sent.filter(([name]) => read.has(name) || (routerRequest && name === "_rsc"));
  if (kept.length === sent.length) return url;
  return kept.length === 0 ? path : `${path}?${new URLSearchParams(kept).toString()}`;
}
