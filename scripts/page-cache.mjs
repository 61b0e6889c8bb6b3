// The pages everybody shares, kept in memory by the server in front of Next.js: the job a CDN or Varnish does, done
// in the process so that a crowd reading one article costs a copy from memory, not a trip through the framework.
// - Stored: a complete 200 HTML answer to a plain GET that the app marked for shared caches (s-maxage), sets no
//   cookie, and that the framework did not serve stale; for KEEP_SECONDS at most (less if s-maxage says so), in a
//   memory budget, least recently used first out.
// - Keyed by the path as sent. A request with a query is left to the app, except for campaign parameters, which
//   change nothing on a page: so `?anything=<random>` cannot fill the cache or push the real pages out of it.
// - Served: to GET and HEAD without the cookie that makes an article personal, and not to the router's own requests
//   (RSC); with the page's own headers, an Age, a 304 when the client has it, compressed once per page and encoding
//   (off the event loop).
// - Emptied: by expire(), which the app calls whenever it changes what a public page shows (lib/cache-expiry.ts). An
//   answer that was being rendered while the cache was emptied is not stored.
import Negotiator from "negotiator";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { addVary, etagMatches } from "./shared-page-headers.mjs";

// Pages also wait in Next.js's own cache (up to 30 s); this one adds little on top of it.
const KEEP_SECONDS = 10;
// Headers that belong to one connection or one encoding of the body, set again for each answer.
const NOT_STORED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "age"]);
const CAMPAIGN_PARAMETERS = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid)$/i;
const ENCODINGS = ["br", "gzip", "identity"];
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const COMPRESS = {
  br: (body) => brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipAsync(body, { level: 6 }),
};

/**
 * @param {{ maxBytes: number, personalCookie: string, now?: () => number }} options
 */
export function createPageCache({ maxBytes, personalCookie, now = Date.now }) {
  /** Map order is the order of last use: the first entry is the next to go. */
  const entries = new Map();
  let bytes = 0;
  let generation = 0;

  // The key a request's page is kept under, or null when the app must answer it.
  function keyFor(request) {
    if (request.method !== "GET" && request.method !== "HEAD") return null;
    if (request.headers.rsc !== undefined || request.headers.authorization !== undefined) return null;
    if (hasCookie(request.headers.cookie, personalCookie)) return null;
    const url = request.url ?? "";
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    // Only a path in its one plain spelling. The app routes "/a/.." or "/x/%2e%2e" as "/" (URL parsing removes dot
    // segments), and each spelling would be another copy of the same page; an absolute address ("GET http://host/…")
    // is the app's to interpret.
    if (!path.startsWith("/") || new URL(path, "http://host").pathname !== path) return null;
    if (queryAt === -1) return path;
    for (const name of new URLSearchParams(url.slice(queryAt + 1)).keys()) if (!CAMPAIGN_PARAMETERS.test(name)) return null;
    return path;
  }

  function remove(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function count(entry, extraBytes) {
    entry.bytes += extraBytes;
    if (entries.get(entry.key) === entry) bytes += extraBytes;
    while (bytes > maxBytes && entries.size > 0) remove(entries.keys().next().value);
  }

  function store(key, headers, body, keepForMs) {
    remove(key);
    const storedAt = now();
    const headerBytes = JSON.stringify(headers).length;
    // One page must not push out all the others.
    if (body.length + headerBytes > maxBytes / 2) return;
    const entry = { key, headers, bodies: { identity: Promise.resolve(body) }, etag: String(headers.etag ?? ""), storedAt, expiresAt: storedAt + keepForMs, bytes: 0 };
    entries.set(key, entry);
    count(entry, body.length + headerBytes);
  }

  // Compressed the first time a client asks for that encoding; later clients wait for the same promise.
  function bodyFor(entry, encoding) {
    let body = entry.bodies[encoding];
    if (!body) {
      body = entry.bodies[encoding] = entry.bodies.identity.then((identity) => COMPRESS[encoding](identity));
      body.then((compressed) => count(entry, compressed.length), () => delete entry.bodies[encoding]);
    }
    return body;
  }

  function expire() {
    generation += 1;
    entries.clear();
    bytes = 0;
  }

  return {
    /** Answers the request from memory if it can; false when the app must answer it. */
    serve(request, response) {
      const key = keyFor(request);
      const entry = key === null ? undefined : entries.get(key);
      if (!entry) return false;
      if (now() >= entry.expiresAt) {
        remove(key);
        return false;
      }
      entries.delete(key);
      entries.set(key, entry);
      for (const [name, value] of Object.entries(entry.headers)) response.setHeader(name, value);
      response.setHeader("Age", String(Math.floor((now() - entry.storedAt) / 1000)));
      addVary(response, "Accept-Encoding");
      if (etagMatches(request.headers["if-none-match"], entry.etag)) {
        response.statusCode = 304;
        response.removeHeader("Content-Type");
        response.end();
        return true;
      }
      const encoding = new Negotiator(request).encoding(ENCODINGS, ["br", "gzip"]) ?? "identity";
      if (encoding !== "identity") response.setHeader("Content-Encoding", encoding);
      if (request.method === "HEAD" && encoding !== "identity") {
        response.end();
        return true;
      }
      const send = (body) => {
        response.setHeader("Content-Length", String(body.length));
        response.end(request.method === "HEAD" ? undefined : body);
      };
      bodyFor(entry, encoding).then(send, (error) => {
        console.error(`page cache: ${encoding} of ${key} failed, sent uncompressed: ${error.message}`);
        response.removeHeader("Content-Encoding");
        void entry.bodies.identity.then(send);
      });
      return true;
    },

    /** For a request the app answers: what to call with its complete body when the cache may keep it, or nothing. */
    keeperFor(request, response) {
      const startedIn = generation;
      const key = request.method === "GET" ? keyFor(request) : null;
      if (key === null) return undefined;
      return (body) => {
        if (generation !== startedIn || response.statusCode !== 200) return;
        const headers = response.getHeaders();
        const keepFor = Math.min(KEEP_SECONDS, sharedMaxAge(headers["cache-control"]));
        const type = String(headers["content-type"] ?? "");
        const stale = String(headers["x-nextjs-cache"] ?? "").toUpperCase() === "STALE";
        if (keepFor <= 0 || !type.startsWith("text/html") || headers["set-cookie"] !== undefined || stale) return;
        store(key, Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_STORED.has(name))), body, keepFor * 1000);
      };
    },

    /** Forgets every page: something they show has changed. */
    expire,

    get size() {
      return { entries: entries.size, bytes };
    },
  };
}

// s-maxage in seconds, or 0 when a shared cache must not keep the answer.
function sharedMaxAge(cacheControl) {
  const directives = String(cacheControl ?? "").toLowerCase();
  if (/(^|,)\s*(private|no-store|no-cache)\s*(,|=|$)/.test(directives)) return 0;
  const match = /(?:^|,)\s*s-maxage=(\d{1,9})\s*(?:,|$)/.exec(directives);
  return match ? Number(match[1]) : 0;
}

function hasCookie(header, name) {
  if (typeof header !== "string") return false;
  return header.split(";").some((pair) => {
    const equals = pair.indexOf("=");
    return (equals === -1 ? pair : pair.slice(0, equals)).trim() === name;
  });
}
