import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import compression from "compression";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPageCache } from "../../scripts/page-cache.mjs";
import { addSharedPageHeaders } from "../../scripts/shared-page-headers.mjs";

const SHARED = "s-maxage=30, stale-while-revalidate=3570";
const page = (name: string, size = 2000) => `<!DOCTYPE html><html><body><h1>${name}</h1><p>${"news ".repeat(size / 5)}</p></body></html>`;

// The app behind the cache: each answer counts how often it had to render.
type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
const rendered = new Map<string, number>();
let hold: Promise<void> | null = null;
let clock = 1_000_000;

function html(body: string, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": SHARED, Vary: "rsc, Accept-Encoding", ...headers });
    response.end(body);
  };
}

const routes: Record<string, Handler> = {
  "/articles/a": html(page("A")),
  "/articles/a?utm_source=mail&utm_medium=email": html(page("A")),
  "/articles/a?q=1": html(page("A")),
  "http://elsewhere.example/articles/a": html(page("A")),
  "/x/%2e%2e": html(page("front")),
  "/x/..": html(page("front")),
  "/articles/b": html(page("B")),
  "/articles/c": html(page("C")),
  "/articles/d": html(page("D")),
  "/private": html(page("private"), { "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate" }),
  "/no-s-maxage": html(page("browser only"), { "Cache-Control": "public, max-age=60" }),
  "/sets-cookie": html(page("cookie"), { "Set-Cookie": "a=1" }),
  "/stale": html(page("stale"), { "X-Nextjs-Cache": "STALE" }),
  "/has-policy": html(page("nonce"), { "Content-Security-Policy": "script-src 'nonce-abc'" }),
  "/missing": (_request, response) => {
    response.writeHead(404, { "Content-Type": "text/html", "Cache-Control": SHARED });
    response.end(page("missing"));
  },
  "/huge": html(page("huge", 600_000)),
  // Rendered while the test changes things under it.
  "/slow": async (request, response) => {
    if (hold) await hold;
    await html(page("slow"))(request, response);
  },
};

let cache: ReturnType<typeof createPageCache>;
let server: Server;
let base: string;

beforeAll(async () => {
  const compress = compression({ threshold: 0 });
  // Put together as scripts/serve.mjs does it.
  server = createServer((request, response) => {
    if (cache.serve(request, response)) return;
    const keep = cache.keeperFor(request, response);
    compress(request as never, response as never, () => {
      addSharedPageHeaders(request, response, keep);
      const path = request.url ?? "";
      rendered.set(path, (rendered.get(path) ?? 0) + 1);
      void routes[path]!(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  cache = createPageCache({ maxBytes: 1024 * 1024, personalCookie: "pending_comments", now: () => clock });
  rendered.clear();
});

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(base + path, { method, headers: { "Accept-Encoding": "identity", ...headers } });

describe("the page cache", () => {
  it("answers a shared page from memory with the app's own headers, its ETag and policy, an Age and Vary", async () => {
    const first = await get("/articles/a");
    clock += 4_000;
    const second = await get("/articles/a");
    expect(rendered.get("/articles/a")).toBe(1);
    expect([second.status, await second.text()]).toEqual([200, await first.text()]);
    for (const name of ["etag", "content-security-policy", "cache-control", "content-type"]) expect(second.headers.get(name), name).toBe(first.headers.get(name));
    expect(second.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(second.headers.get("age")).toBe("4");
    expect(second.headers.get("vary")).toBe("rsc, Accept-Encoding, Cookie");
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(page("A"))));
  });

  it("compresses each page once per encoding the client asks for, and answers HEAD and If-None-Match", async () => {
    // A HEAD answer has no page to keep; a 304 from the app had the whole page in hand, so it is kept.
    const head = await get("/articles/a", {}, "HEAD");
    expect(cache.size.entries).toBe(0);
    expect((await get("/articles/a", { "If-None-Match": head.headers.get("etag")! })).status).toBe(304);
    expect(cache.size.entries).toBe(1);
    const original = await (await get("/articles/a")).text();
    const gzip = await get("/articles/a", { "Accept-Encoding": "gzip" });
    const br = await get("/articles/a", { "Accept-Encoding": "gzip, deflate, br" });
    expect([gzip.headers.get("content-encoding"), br.headers.get("content-encoding")]).toEqual(["gzip", "br"]);
    expect(gunzipSync(Buffer.from(await rawBody("/articles/a", "gzip"))).toString()).toBe(original);
    expect(brotliDecompressSync(Buffer.from(await rawBody("/articles/a", "br"))).toString()).toBe(original);
    const cachedHead = await get("/articles/a", {}, "HEAD");
    expect([cachedHead.status, cachedHead.headers.get("content-length"), await cachedHead.text()]).toEqual([200, String(Buffer.byteLength(original)), ""]);
    const etag = cachedHead.headers.get("etag")!;
    for (const ifNoneMatch of [`W/${etag}`, `"other", ${etag}`, "*"]) {
      const notModified = await get("/articles/a", { "If-None-Match": ifNoneMatch });
      expect([notModified.status, notModified.headers.get("etag"), await notModified.text()]).toEqual([304, etag, ""]);
    }
    expect(rendered.get("/articles/a")).toBe(2);
    expect(cache.size.entries).toBe(1);
  });

  it("keeps a page under its path; a campaign tag changes nothing, any other query goes to the app", async () => {
    await get("/articles/a?utm_source=mail&utm_medium=email");
    await get("/articles/a");
    expect((await (await get("/articles/b")).text())).toContain("<h1>B</h1>");
    expect([rendered.get("/articles/a?utm_source=mail&utm_medium=email"), rendered.get("/articles/a"), rendered.get("/articles/b")]).toEqual([1, undefined, 1]);
    await get("/articles/a?q=1");
    await get("/articles/a?q=1");
    expect(rendered.get("/articles/a?q=1")).toBe(2);
    // Another spelling of a path (an absolute address, dot segments) is the app's to interpret, never a new entry.
    for (const target of ["http://elsewhere.example/articles/a", "/x/%2e%2e", "/x/.."]) {
      await rawGet(target);
      await rawGet(target);
      expect(rendered.get(target), target).toBe(2);
    }
    expect(cache.size.entries).toBe(2);
  });

  it("never answers a reader whose comment waits, the router's own requests, or a request with credentials", async () => {
    await get("/articles/a");
    await get("/articles/a", { Cookie: "theme=dark; pending_comments=abc.def" });
    await get("/articles/a", { rsc: "1" });
    await get("/articles/a", { Authorization: "Basic eDp5" });
    expect(rendered.get("/articles/a")).toBe(4);
    // Other cookies change nothing on a shared page.
    await get("/articles/a", { Cookie: "theme=dark; not_pending_comments=1" });
    expect(rendered.get("/articles/a")).toBe(4);
  });

  for (const path of ["/private", "/no-s-maxage", "/sets-cookie", "/stale", "/has-policy", "/missing", "/huge"]) {
    it(`keeps nothing that is not a complete shared page for everybody (${path})`, async () => {
      await get(path);
      await get(path);
      expect(rendered.get(path)).toBe(2);
    });
  }

  it("keeps a page 10 s at most, however long its s-maxage", async () => {
    await get("/articles/a");
    clock += 9_999;
    await get("/articles/a");
    expect(rendered.get("/articles/a")).toBe(1);
    clock += 1;
    await get("/articles/a");
    expect(rendered.get("/articles/a")).toBe(2);
  });

  it("forgets every page when the app changes one, and does not keep a page rendered before the change", async () => {
    await get("/articles/a");
    cache.expire();
    await get("/articles/a");
    expect(rendered.get("/articles/a")).toBe(2);

    let open!: () => void;
    hold = new Promise((resolve) => (open = resolve));
    const slow = get("/slow");
    await expect.poll(() => rendered.get("/slow")).toBe(1);
    cache.expire();
    open();
    hold = null;
    await slow;
    await get("/slow");
    expect(rendered.get("/slow")).toBe(2);
  });

  it("stays within its memory budget, compressed copies included, dropping the page used longest ago", async () => {
    await get("/articles/a");
    const identityOnly = cache.size.bytes;
    await get("/articles/a", { "Accept-Encoding": "gzip" });
    const withGzip = cache.size.bytes;
    await get("/articles/a", { "Accept-Encoding": "gzip" });
    expect(withGzip).toBeGreaterThan(identityOnly);
    expect(cache.size.bytes).toBe(withGzip);

    // Room for three pages and a half, so the fourth pushes out the one used longest ago (b: a was used again).
    cache = createPageCache({ maxBytes: Math.round(3.5 * identityOnly), personalCookie: "pending_comments", now: () => clock });
    for (const path of ["/articles/a", "/articles/b", "/articles/c", "/articles/a", "/articles/d"]) await get(path);
    expect(cache.size).toEqual({ entries: 3, bytes: 3 * identityOnly });
    const before = new Map(rendered);
    for (const path of ["/articles/a", "/articles/c", "/articles/d", "/articles/b"]) await get(path);
    expect(["/articles/a", "/articles/c", "/articles/d", "/articles/b"].map((path) => rendered.get(path)! - before.get(path)!)).toEqual([0, 0, 0, 1]);
  });
});

// A request for an absolute address, as a client talking to a proxy sends it.
function rawGet(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(base, { path: target }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode!));
    })
      .on("error", reject)
      .end();
  });
}

// fetch decodes bodies itself; the test wants the bytes as sent.
async function rawBody(path: string, encoding: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    httpRequest(base + path, { headers: { "Accept-Encoding": encoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks)));
    })
      .on("error", reject)
      .end();
  });
}
