import { NextResponse, type NextRequest } from "next/server";
import { articleAddress, type ArticleAddress } from "@/lib/data/article-addresses";
import { PENDING_COOKIE_NAME } from "@/lib/comments/pending-cookie";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy.mjs";

// Any one segment under /articles: whatever is not a published article's address is rendered per request.
const ARTICLE_PATH = /^\/articles\/([^/]+)$/;
// Query parameters that change what an article page shows (see articleSearchParamsSchema).
const COMMENT_VIEW_PARAMETERS = new Set(["replyto", "comment", "cpage", "corder"]);

// An address that is not valid percent-encoding is the client's mistake: answer 400, not a server error. An old
// article address is answered with a permanent (301) redirect to the current one, keeping links and search rankings.
// A plain request for an article gets the cached page everybody shares; anything that needs a rendering of its own
// goes to the article's per-request route (see app/(site)/articles/[slug]/page.tsx). Every rendered response gets a
// Content-Security-Policy with a fresh nonce, which Next.js puts on its own scripts; the cached page has no nonce,
// and the server (scripts/serve.mjs) gives it a policy built from the hashes of its inline scripts instead.
// Authorization is never decided here; every page, action and route checks the staff member itself.
export async function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid.", { status: 400, headers: { "Content-Type": "text/plain" } });
  }
  const article = ARTICLE_PATH.exec(request.nextUrl.pathname);
  // The segment as sent: a percent-encoded spelling of a real slug is not in the book, so it cannot add cache entries.
  const address = article ? await articleAddress(article[1]!) : null;
  if (address?.kind === "moved" && request.method === "GET") {
    const target = request.nextUrl.clone();
    target.pathname = `/articles/${address.to}`;
    return NextResponse.redirect(target, 301);
  }
  const shared = address !== null && readsSharedPage(request, address);
  // The shared page gets its policy (and Vary: Cookie) from the server: see scripts/shared-page-headers.mjs. A
  // policy the client sent (Next.js takes its nonce from it) must not reach the rendering everybody will be served.
  if (shared && (request.method === "GET" || request.method === "HEAD")) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.delete("content-security-policy");
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  let response: NextResponse;
  if (article && !shared) {
    const target = request.nextUrl.clone();
    target.pathname = `${request.nextUrl.pathname}/per-request`;
    response = NextResponse.rewrite(target, { request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// The shared page answers a published article's address for readers who have no comment of their own waiting, when
// the query asks for nothing of the comments (a campaign tag, or the router's own _rsc marker, changes nothing). A
// form posted from a page goes to the route that rendered that page, so that an answer with errors shows them in
// the same form.
function readsSharedPage(request: NextRequest, address: ArticleAddress): boolean {
  if (address.kind !== "published" || request.cookies.has(PENDING_COOKIE_NAME)) return false;
  for (const key of request.nextUrl.searchParams.keys()) if (COMMENT_VIEW_PARAMETERS.has(key)) return false;
  return true;
}
