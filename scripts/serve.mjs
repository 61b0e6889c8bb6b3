// The production server: Next.js behind a thin node:http layer that decides who the client is. Next.js keeps a
// client-sent X-Forwarded-For as it is, so the app could not tell a real address from a forged one; here the
// address comes from the socket, or from X-Forwarded-For only as far as TRUSTED_PROXY_COUNT proxies vouch for it,
// and reaches the app in a header no client can set.
import { createServer } from "node:http";
import compression from "compression";
import next from "next";
import { clientAddress } from "./client-address.mjs";
import { SENT_QUERY_HEADER, withoutUnreadQuery } from "../lib/http/page-query.mjs";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state.js";
import { addSharedPageHeaders } from "./shared-page-headers.mjs";

const port = Number(process.env.PORT ?? 3000);
const trustedProxies = Math.max(0, Number(process.env.TRUSTED_PROXY_COUNT ?? 0) || 0);
const CLIENT_ADDRESS_HEADER = "x-client-address";

// Behind an edge cache the instances listen on 127.0.0.1 only (BIND_ADDRESS), so nobody can reach them around the
// proxy whose X-Forwarded-For they trust.
const bindAddress = process.env.BIND_ADDRESS || undefined;

// Every date on the site is shown in this zone: a name Intl does not know stops the server here, with a clear
// message, rather than failing each page that shows a time (lib/env.ts reads it for the pages).
const timeZone = process.env.NEWSROOM_TIME_ZONE;
if (timeZone) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    console.error(`NEWSROOM_TIME_ZONE "${timeZone}" is not a time zone name (for example Europe/Stockholm or America/New_York).`);
    process.exit(1);
  }
}

// Next.js needs its own address to follow a server action's redirect internally.
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// Posts to pages are server actions (the comment form, the moderation console): small forms from this site only.
// Next.js answers an oversized or cross-site one with a 500; here they get the answer they deserve, before any work.
const ACTION_BODY_LIMIT = 64 * 1024;

// A dot segment (raw or percent-encoded) names another path than it seems to: "/api/../articles/x" is an article
// to Next.js but not to the checks below. No page of the site is linked that way, so such a request is refused.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$|\?)/i;

const PAGE_METHODS = new Set(["GET", "HEAD", "POST"]);

function refuseRequest(request) {
  const url = request.url ?? "/";
  const path = url.split("?")[0];
  if (DOT_SEGMENT.test(path) || !isValidPercentEncoding(path)) return [400, "The address is not valid."];
  if (url.startsWith("/api/")) return null;
  if (!isValidRouterState(request.headers["next-router-state-tree"])) return [400, "The router state header is not valid."];
  // A page is read, or posted to (a server action); Next.js would render one for any other method and keep it.
  if (!PAGE_METHODS.has(request.method ?? "")) return [405, "Pages are read with GET or HEAD, and forms sent with POST."];
  if (request.method !== "POST") return null;
  if (!isPossibleServerAction(request)) return [415, "Forms are sent as multipart/form-data or application/x-www-form-urlencoded."];
  // Browsers send a form's length; a page post without one (chunked) could only be counted by buffering it here.
  if (request.headers["content-length"] === undefined) return [411, "The form must say its length."];
  if (Number(request.headers["content-length"]) > ACTION_BODY_LIMIT) return [413, "The form is too large."];
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

// A post Next.js takes for a server action, in its own words (server/lib/server-action-request-meta.js). Any other
// post to a page it renders like a read, and keeps in its cache as the page for everybody.
function isPossibleServerAction(request) {
  const type = request.headers["content-type"];
  return request.headers["next-action"] !== undefined || type === "application/x-www-form-urlencoded" || Boolean(type?.startsWith("multipart/form-data"));
}

// The client router's state, sent with its requests for a page's data. Next.js reads it deep in the render and answers
// one it cannot parse with a 500; the site's own pages never send one malformed. Next.js's own check decides.
function isValidRouterState(header) {
  if (header === undefined) return true;
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}

// An address that is not valid percent-encoding is the client's mistake: 400, not the server error Next.js answers.
function isValidPercentEncoding(path) {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

// Headers a client could use to change how Next.js renders or whom it believes: a policy (Next.js takes a nonce from
// either CSP header, and a shared page must never carry one), and another host or scheme for this site (the
// public address is SITE_URL; Next.js answers a server action whose Origin does not match X-Forwarded-Host with a 500).
// The framework's internal headers (x-middleware-subrequest, x-invoke-*, …) are for its own use only.
const CLIENT_HEADERS_IGNORED = [
  "content-security-policy",
  "content-security-policy-report-only",
  "x-forwarded-host",
  "x-forwarded-port",
  "forwarded",
  "x-middleware-subrequest",
  "x-nextjs-data",
  "x-now-route-matches",
  "x-invoke-path",
  "x-invoke-query",
  "x-invoke-output",
  "x-matched-path",
  SENT_QUERY_HEADER,
];

// Compression is done here rather than by Next.js (compress: false in next.config.ts), so that it wraps the step that
// completes a cached page's Content-Security-Policy and compresses the page as it is finally sent.
const compress = compression();

const server = createServer((request, response) => {
  const refusal = refuseRequest(request);
  if (refusal) {
    const allow = refusal[0] === 405 ? { Allow: [...PAGE_METHODS].join(", ") } : {};
    response.writeHead(refusal[0], { "Content-Type": "text/plain; charset=utf-8", Connection: "close", ...allow });
    response.end(refusal[1]);
    request.resume();
    return;
  }
  for (const name of CLIENT_HEADERS_IGNORED) delete request.headers[name];
  // A page posted to is rendered again for the answer, and could be kept like a read: both lose the same parameters.
  const sent = request.url ?? "/";
  request.url = withoutUnreadQuery(sent);
  if (request.url !== sent) request.headers[SENT_QUERY_HEADER] = sent.slice(sent.indexOf("?"));
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxies);
  if (trustedProxies === 0) {
    delete request.headers["x-forwarded-for"];
    delete request.headers["x-forwarded-proto"];
  }
  compress(request, response, () => {
    addSharedPageHeaders(request, response);
    void handle(request, response);
  });
});
server.listen(port, bindAddress, () => console.log(`Serving on port ${port}`));

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
