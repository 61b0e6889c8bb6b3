// The production server: Next.js behind a thin node:http layer that decides who the client is. Next.js keeps a
// client-sent X-Forwarded-For as it is, so the app could not tell a real address from a forged one; here the
// address comes from the socket, or from X-Forwarded-For only as far as TRUSTED_PROXY_COUNT proxies vouch for it,
// and reaches the app in a header no client can set.
import { createServer } from "node:http";
import compression from "compression";
import next from "next";
import { PENDING_COOKIE_NAME } from "../lib/comments/pending-cookie-name.mjs";
import { registerPageCache } from "../lib/http/page-cache-registry.mjs";
import { clientAddress } from "./client-address.mjs";
import { createPageCache } from "./page-cache.mjs";
import { addSharedPageHeaders } from "./shared-page-headers.mjs";

const port = Number(process.env.PORT ?? 3000);
const trustedProxies = Math.max(0, Number(process.env.TRUSTED_PROXY_COUNT ?? 0) || 0);
const CLIENT_ADDRESS_HEADER = "x-client-address";

const pageCacheMegabytes = Number(process.env.PAGE_CACHE_MB ?? 64);
if (!Number.isFinite(pageCacheMegabytes) || pageCacheMegabytes < 0) {
  console.error(`PAGE_CACHE_MB must be a number of megabytes, 0 to turn the page cache off; it is "${process.env.PAGE_CACHE_MB}".`);
  process.exit(1);
}

// Next.js needs its own address to follow a server action's redirect internally.
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// Posts to pages are server actions (the comment form, the moderation console): small forms from this site only.
// Next.js answers an oversized or cross-site one with a 500; here they get the answer they deserve, before any work.
const ACTION_BODY_LIMIT = 64 * 1024;

function refusePagePost(request) {
  if (request.method !== "POST" || request.url?.startsWith("/api/")) return null;
  if (Number(request.headers["content-length"] ?? 0) > ACTION_BODY_LIMIT) return [413, "The form is too large."];
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let host = null;
    try {
      host = new URL(origin).host;
    } catch {
      // "null" or garbage: not this site
    }
    if (host !== request.headers.host) return [403, "Forms can be sent only from this site."];
  }
  return null;
}

// Compression is done here rather than by Next.js (compress: false in next.config.ts), so that it wraps the step that
// completes a cached page's Content-Security-Policy and compresses the page as it is finally sent.
const compress = compression();

// Shared pages from memory (see page-cache.mjs), emptied by the app whenever it changes a public page.
const pageCache = pageCacheMegabytes > 0 ? createPageCache({ maxBytes: pageCacheMegabytes * 1024 * 1024, personalCookie: PENDING_COOKIE_NAME }) : null;
if (pageCache) registerPageCache(pageCache);

const server = createServer((request, response) => {
  const refusal = refusePagePost(request);
  if (refusal) {
    response.writeHead(refusal[0], { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
    response.end(refusal[1]);
    request.resume();
    return;
  }
  if (pageCache?.serve(request, response)) return;
  const keepPage = pageCache?.keeperFor(request, response);
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxies);
  if (trustedProxies === 0) delete request.headers["x-forwarded-for"];
  compress(request, response, () => {
    addSharedPageHeaders(request, response, keepPage);
    void handle(request, response);
  });
});
server.listen(port, () => console.log(`Serving on port ${port}`));

// Finish the requests in flight (and the work they scheduled with after()), then exit.
function shutDown() {
  server.close(async () => {
    await app.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", shutDown);
process.on("SIGINT", shutDown);
