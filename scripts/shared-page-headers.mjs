// @ts-check
// What the server adds to pages served from the page cache, which were rendered once for everybody.
// - They carry no nonce, so each such HTML answer gets a Content-Security-Policy naming the SHA-256 of its inline
//   scripts instead, but only of scripts in the shapes the framework writes (a call that pushes one JSON value),
//   whose data is checked to be plain JSON. Anything else inline, such as a script smuggled into the markup, gets no
//   hash and so never runs.
// - A shared cache may keep them (s-maxage), but must not hand them to a reader who sends a cookie: such a reader may
//   have a comment waiting that only their own rendering shows. Next.js sets Vary itself, so Cookie is added here.
import { createHash } from "node:crypto";
import { hashedContentSecurityPolicy } from "../lib/http/content-security-policy.mjs";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {import("node:http").OutgoingHttpHeaders | import("node:http").OutgoingHttpHeader[] | undefined} HeadersArgument */

/** @type {[prefix: string, suffix: string][]} */
const FRAMEWORK_SCRIPT_SHAPES = [
  ["self.__next_f.push(", ")"],
  ["(self.__next_f=self.__next_f||[]).push(", ")"],
  ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', ");"],
];

/** @param {string} source */
function isFrameworkScript(source) {
  return FRAMEWORK_SCRIPT_SHAPES.some(([prefix, suffix]) => {
    if (!source.startsWith(prefix) || !source.endsWith(suffix)) return false;
    try {
      JSON.parse(source.slice(prefix.length, source.length - suffix.length));
      return true;
    } catch {
      return false;
    }
  });
}

// The hashes of the framework's inline scripts in a page. A scan, not a parser: it looks for "<script", which
// React never leaves unescaped in text or attribute values.
/**
 * @param {string} html
 * @returns {string[]}
 */
export function frameworkScriptHashes(html) {
  /** @type {string[]} */
  const hashes = [];
  let from = 0;
  for (;;) {
    const open = html.indexOf("<script", from);
    if (open === -1) return hashes;
    const tagEnd = html.indexOf(">", open);
    const close = tagEnd === -1 ? -1 : html.indexOf("</script>", tagEnd);
    if (close === -1) return hashes;
    const attributes = html.slice(open + "<script".length, tagEnd);
    const source = html.slice(tagEnd + 1, close);
    if (!attributes.includes("src=") && isFrameworkScript(source)) hashes.push(createHash("sha256").update(source, "utf8").digest("base64"));
    from = close + "</script>".length;
  }
}

// Policies by ETag: a page served again from the cache is not scanned again. The ETag is made here, as the SHA-256
// of the page, because it is several times cheaper than Next.js's own (generateEtags is off in next.config.ts).
/** @type {Map<string, string>} */
const policiesByEtag = new Map();
const REMEMBERED_POLICIES = 1000;

/**
 * @param {string} etag
 * @param {Buffer} body
 */
function policyFor(etag, body) {
  const known = policiesByEtag.get(etag);
  if (known) return known;
  const policy = hashedContentSecurityPolicy(frameworkScriptHashes(body.toString("utf8")));
  const oldest = policiesByEtag.keys().next().value;
  if (policiesByEtag.size >= REMEMBERED_POLICIES && oldest !== undefined) policiesByEtag.delete(oldest);
  policiesByEtag.set(etag, policy);
  return policy;
}

/**
 * @param {string | undefined} ifNoneMatch
 * @param {string} etag
 */
export function etagMatches(ifNoneMatch, etag) {
  if (etag === "" || typeof ifNoneMatch !== "string") return false;
  return ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

// Holds back an HTML answer that has no Content-Security-Policy until it is complete, then sends it with one and
// with its ETag, or answers 304 when the client already has it. Every other answer (pages rendered per request
// already have a policy; files, JSON, streams) passes straight on. Node sends headers through writeHead, called or
// implied by the first write, so Vary is settled there. onComplete, if given, gets a complete 200 page's body
// once its headers are final (the page cache keeps it from there).
/**
 * @param {IncomingMessage} request
 * @param {ServerResponse} response
 * @param {(body: Buffer) => void} [onComplete]
 */
export function addSharedPageHeaders(request, response, onComplete) {
  // Node's overloaded signatures are replaced by wrappers that take every form; the originals are called as they are.
  /** @type {{ writeHead: Function; write: Function; end: Function; flushHeaders: Function }} */
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {"hold" | "pass" | null} */
  let mode = null;
  let sending = false;

  const holding = () => {
    mode ??= String(response.getHeader("content-type") ?? "").startsWith("text/html") && !response.hasHeader("content-security-policy") ? "hold" : "pass";
    return mode === "hold" && !sending;
  };

  /** @type {any} */ (response).writeHead = function writeHead(
    /** @type {number} */ statusCode,
    /** @type {string | HeadersArgument} */ reasonOrHeaders,
    /** @type {HeadersArgument} */ maybeHeaders,
  ) {
    const reason = typeof reasonOrHeaders === "string" ? reasonOrHeaders : undefined;
    const headers = typeof reasonOrHeaders === "string" ? maybeHeaders : reasonOrHeaders;
    setAll(response, headers);
    response.statusCode = statusCode;
    if (reason) response.statusMessage = reason;
    varyOnCookieIfShared(response);
    return holding() ? response : original.writeHead.call(response, statusCode, reason);
  };
  response.flushHeaders = function flushHeaders() {
    if (!holding()) original.flushHeaders.call(response);
  };
  /** @type {any} */ (response).write = function write(
    /** @type {string | Uint8Array} */ chunk,
    /** @type {BufferEncoding | Function | undefined} */ encoding,
    /** @type {Function | undefined} */ callback,
  ) {
    if (!holding()) return original.write.call(response, chunk, encoding, callback);
    const done = typeof encoding === "function" ? encoding : callback;
    chunks.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  /** @type {any} */ (response).end = function end(
    /** @type {string | Uint8Array | Function | undefined} */ chunk,
    /** @type {BufferEncoding | Function | undefined} */ encoding,
    /** @type {Function | undefined} */ callback,
  ) {
    if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (!holding()) return original.end.call(response, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null)
      chunks.push(toBuffer(/** @type {string | Uint8Array} */ (chunk), /** @type {BufferEncoding | undefined} */ (encoding)));
    const body = Buffer.concat(chunks);
    if (body.length > 0 && response.statusCode === 200) {
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
      response.setHeader("ETag", etag);
      response.setHeader("Content-Security-Policy", policyFor(etag, body));
      varyOnCookieIfShared(response);
      onComplete?.(body);
      if (etagMatches(request.headers["if-none-match"], etag)) {
        response.statusCode = 304;
        response.removeHeader("Content-Length");
        sending = true;
        if (typeof callback === "function") response.once("finish", /** @type {() => void} */ (callback));
        return original.end.call(response);
      }
    } else {
      // An error page is scanned each time; a HEAD answer has nothing to vouch for.
      response.setHeader("Content-Security-Policy", hashedContentSecurityPolicy(frameworkScriptHashes(body.toString("utf8"))));
    }
    sending = true;
    // The compression step's end() takes no callback; Node calls end's callback on "finish".
    if (typeof callback === "function") response.once("finish", /** @type {() => void} */ (callback));
    return original.end.call(response, body);
  };
}

/** @param {ServerResponse} response */
function varyOnCookieIfShared(response) {
  if (/s-maxage/.test(String(response.getHeader("cache-control") ?? ""))) addVary(response, "Cookie");
}

/**
 * @param {ServerResponse} response
 * @param {string} name
 */
export function addVary(response, name) {
  const vary = String(response.getHeader("vary") ?? "");
  const present = vary.split(",").some((token) => token.trim().toLowerCase() === name.toLowerCase());
  if (!present) response.setHeader("Vary", vary ? `${vary}, ${name}` : name);
}

/**
 * @param {string | Uint8Array} chunk
 * @param {BufferEncoding | undefined} encoding
 */
function toBuffer(chunk, encoding) {
  return Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk);
}

/**
 * @param {ServerResponse} response
 * @param {HeadersArgument} headers
 */
function setAll(response, headers) {
  if (!headers) return;
  if (Array.isArray(headers)) {
    // A flat [name, value, name, value] list, or a list of pairs; a name may repeat (Set-Cookie).
    const list = /** @type {any[]} */ (headers);
    /** @type {[string, string | string[]][]} */
    const pairs = Array.isArray(list[0]) ? list : list.flatMap((value, index) => (index % 2 === 0 ? [[value, list[index + 1]]] : []));
    for (const name of new Set(pairs.map(([name]) => name))) response.removeHeader(name);
    for (const [name, value] of pairs) response.appendHeader(name, value);
    return;
  }
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
}
