// The pages everybody shares, kept in memory by the server in front of Next.js: the job a CDN or Varnish does, done
// in the process so that a crowd reading one article costs a copy from memory, not a trip through the framework.
// - Stored: a complete 200 HTML answer to a plain GET that the app marked for shared caches (s-maxage), sets no
//   cookie, and that the framework did not serve stale. It is kept for its s-maxage at most, in a memory budget
//   (least recently used first out), under its address exactly as requested.
// - Served: to GET and HEAD without the cookie that makes an article personal, and not to the router's own requests
//   (RSC); with the same headers, an Age, a 304 when the client has it, and compressed once per entry, not per answer.
// - Emptied: by expire(), which the app calls whenever it changes what a public page shows (lib/cache-expiry.ts).
//   An answer that was being rendered while the cache was emptied is not stored. A form post or API call that
//   emptied it empties it again when its answer is finished: the framework's own cache marks pages stale during
//   that request, and a page rendered just before that moment must not stay.
import Negotiator from "negotiator";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { addVary, etagMatches } from "./shared-page-headers.mjs";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
// Headers that belong to one connection or one encoding of the body, set again for each answer.
const NOT_STORED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "age"]);
const ENCODINGS = ["br", "gzip", "identity"];
const COMPRESS = {
  br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipSync(body, { level: 9 }),
};

/**
 * @param {{ maxBytes: number, personalCookie: string, now?: () => number }} options
 */
export function createPageCache({ maxBytes, personalCookie, now = Date.now }) {
  /** Map order is the order of last use: the first entry is the next to go. */
  const entries = new Map();
  let bytes = 0;
  let generation = 0;

  function servable(request) {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    if (request.headers.rsc !== undefined || request.headers.authorization !== undefined) return false;
    return !hasCookie(request.headers.cookie, personalCookie);
  }

  function remove(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function makeRoom() {
    while (bytes > maxBytes && entries.size > 0) remove(entries.keys().next().value);
  }

  function store(key, headers, body, freshForMs) {
    remove(key);
    const entry = { headers, bodies: { identity: body }, etag: String(headers.etag ?? ""), storedAt: now(), expiresAt: now() + freshForMs, bytes: body.length };
    if (entry.bytes > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += entry.bytes;
    makeRoom();
  }

  function expire() {
    generation += 1;
    entries.clear();
    bytes = 0;
  }

  function bodyFor(key, entry, encoding) {
    let body = entry.bodies[encoding];
    if (!body) {
      body = entry.bodies[encoding] = COMPRESS[encoding](entry.bodies.identity);
      if (entries.get(key) === entry) {
        entry.bytes += body.length;
        bytes += body.length;
        makeRoom();
      }
    }
    return body;
  }

  return {
    /** Answers the request from memory if it can; false when the app must answer it. */
    serve(request, response) {
      if (!servable(request)) return false;
      const key = request.url;
      const entry = entries.get(key);
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
      const body = bodyFor(key, entry, encoding);
      response.statusCode = 200;
      if (encoding !== "identity") response.setHeader("Content-Encoding", encoding);
      response.setHeader("Content-Length", String(body.length));
      response.end(request.method === "HEAD" ? undefined : body);
      return true;
    },

    /**
     * For a request the app answers: what to call with its complete body (a GET this cache may keep), or nothing.
     * A write that empties the cache while it runs empties it again once answered.
     */
    follow(request, response) {
      const startedIn = generation;
      if (WRITE_METHODS.has(request.method ?? "")) {
        response.once("close", () => {
          if (generation !== startedIn) expire();
        });
        return undefined;
      }
      if (request.method !== "GET" || !servable(request)) return undefined;
      const key = request.url;
      return (body) => {
        if (generation !== startedIn || response.statusCode !== 200) return;
        const headers = response.getHeaders();
        const freshFor = sharedMaxAge(headers["cache-control"]);
        const type = String(headers["content-type"] ?? "");
        const stale = String(headers["x-nextjs-cache"] ?? "").toUpperCase() === "STALE";
        if (freshFor <= 0 || !type.startsWith("text/html") || headers["set-cookie"] !== undefined || stale) return;
        store(key, Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_STORED.has(name))), body, freshFor * 1000);
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
  return header.split(";").some((pair) => pair.slice(0, pair.indexOf("=") === -1 ? undefined : pair.indexOf("=")).trim() === name);
}
