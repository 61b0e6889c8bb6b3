import { NextResponse, type NextRequest } from "next/server";
import { PENDING_COOKIE_NAME } from "@/lib/comments/pending-cookie";
import { articleAddress, isListingAddress, type ListingKind } from "@/lib/data/articles/site-addresses";
import { edgeKeysForPage, type SharedPage } from "@/lib/edge/edge-keys";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy.mjs";
import { malformedRequest } from "@/lib/http/malformed-request";
import { COMMENT_VIEW_PARAMETERS, SENT_QUERY_HEADER } from "@/lib/http/page-query.mjs";
import { FRONT_PAGE_ROUTE } from "@/lib/site";

// Any one segment under /articles, /sections, /tags or /authors: whatever is not a real page's address is rendered
// per request.
const ARTICLE_PATH = /^\/articles\/([^/]+)$/;
const LISTING_PATH = /^\/(sections|tags|authors)\/([^/]+)$/;

// Where a request is rendered: the cached page everybody shares (named, for its edge keys), or a rendering of its own.
type Route = { shared: SharedPage | null; to?: string };

// An old article address is answered with a permanent (301) redirect to the current one, keeping links and search rankings.
// A plain request for the front page, an article or the first page of a section, tag or author gets the cached page
// everybody shares; anything that needs a rendering of its own goes to the page's per-request route (see
// app/(site)/articles/[slug]/page.tsx). Every rendered response gets a Content-Security-Policy with a fresh nonce,
// which Next.js puts on its own scripts; the cached page has no nonce, and the server (scripts/serve.mjs) gives it a
// policy built from the hashes of its inline scripts instead.
// Authorization is never decided here; every page, action and route checks the staff member itself.
export async function proxy(request: NextRequest) {
  const malformed = await malformedRequest(request);
  if (malformed) return new NextResponse(malformed, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const path = request.nextUrl.pathname;
  // The front page's route has one address, "/".
  if (path === "/front-page" || path.startsWith("/front-page/")) {
    return new NextResponse("Not found.", { status: 404, headers: { "Content-Type": "text/plain" } });
  }
  // Slugs are looked up as sent: a percent-encoded spelling of a real one is not in the book, so it cannot add cache
  // entries.
  const article = ARTICLE_PATH.exec(path);
  const address = article ? await articleAddress(article[1]!) : null;
  if (address?.kind === "moved" && request.method === "GET") {
    const target = request.nextUrl.clone();
    target.pathname = `/articles/${address.to}`;
    target.search = request.headers.get(SENT_QUERY_HEADER) ?? target.search;
    return NextResponse.redirect(target, 301);
  }
  const listing = LISTING_PATH.exec(path);
  let route: Route;
  if (path === "/") route = { shared: { kind: "front" }, to: FRONT_PAGE_ROUTE };
  else if (article) {
    route =
      address?.kind === "published" && readsSharedArticle(request)
        ? { shared: { kind: "article", slug: article[1]! } }
        : { shared: null, to: `${path}/per-request` };
  } else if (listing) {
    const kind = listing[1] as ListingKind;
    const known = await isListingAddress(kind, listing[2]!);
    // Any page but the first is rendered per request (and a page number that is not one is answered 404 there).
    route = known && !request.nextUrl.searchParams.has("page") ? { shared: { kind, slug: listing[2]! } } : { shared: null, to: `${path}/per-request` };
  } else route = { shared: null };

  // The shared page gets its policy (and Vary: Cookie) from the server (scripts/shared-page-headers.mjs), which
  // never passes on a policy the client sent (Next.js takes its nonce from it). Its keys tell the edge cache in front
  // (deploy/varnish/site.vcl) what to purge it with.
  if (route.shared && (request.method === "GET" || request.method === "HEAD")) {
    const response = forward(request, route.to, request.headers);
    response.headers.set("Surrogate-Key", edgeKeysForPage(route.shared).join(" "));
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  // A form posted from a shared page goes to the route that rendered it (see readsSharedArticle).
  const response = forward(request, route.to, requestHeaders);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function forward(request: NextRequest, to: string | undefined, headers: Headers): NextResponse {
  if (to === undefined) return NextResponse.next({ request: { headers } });
  const target = request.nextUrl.clone();
  target.pathname = to;
  return NextResponse.rewrite(target, { request: { headers } });
}

// The shared page answers a published article's address for readers who have no comment of their own waiting, when
// the query asks for nothing of the comments (the server has dropped every parameter the page does not read). A
// form posted from a page goes to the route that rendered that page, so that an answer with errors shows them in
// the same form.
function readsSharedArticle(request: NextRequest): boolean {
  if (request.cookies.has(PENDING_COOKIE_NAME)) return false;
  for (const key of request.nextUrl.searchParams.keys()) if (COMMENT_VIEW_PARAMETERS.has(key)) return false;
  return true;
}

// The API answers JSON, files under /_next are the build's own and /media holds stored photos: none is a page, so
// none needs the proxy's routing or a policy, and skipping it saves every such request the proxy's work.
export const config = {
  matcher: ["/((?!api/|_next/static/|_next/image|media/).*)"],
};
