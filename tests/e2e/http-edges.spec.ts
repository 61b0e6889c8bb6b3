import { createHash } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { expect, test } from "@playwright/test";
import { ARCHIVE_SECTION, ensureArchiveSection } from "../helpers/e2e-archive";
import { queryRows } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";

test("addresses that are not valid percent-encoding get 400, not a server error", async ({ request }) => {
  for (const path of ["/articles/%", "/articles/%E0%A4%A", "/api/auth/%"]) {
    expect((await request.get(path)).status(), path).toBe(400);
  }
});

test("unknown articles get a calm 404 page and odd query parameters are ignored", async ({ page, request }) => {
  const missing = await page.goto("/articles/no-such-story");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  expect((await request.get("/articles/Not_A_Slug")).status()).toBe(404);
  for (const query of ["?replyto=%", "?replyto=99999999999", "?comment=-1", "?replyto=1&replyto=2"]) {
    expect((await request.get(`${SEED_ARTICLE_PATH}${query}`)).status(), query).toBe(200);
  }
});

test("only real articles at their plain address are served from the page cache", async ({ request }) => {
  const shared = /^s-maxage=\d+, stale-while-revalidate=\d+$/;
  const cached = await request.get(SEED_ARTICLE_PATH);
  expect([cached.status(), cached.headers()["cache-control"], cached.headers()["vary"]]).toEqual([200, expect.stringMatching(shared), expect.stringContaining("Cookie")]);
  // A campaign tag changes nothing on the page, so it gets the same cached page.
  expect((await request.get(`${SEED_ARTICLE_PATH}?utm_source=newsletter`)).headers()["cache-control"]).toMatch(shared);
  // Made-up addresses must not leave pages in the cache; a comment view or a waiting comment is for one reader.
  for (const [path, headers] of [
    ["/articles/no-such-story-at-all", {}],
    [`${SEED_ARTICLE_PATH}?cpage=1`, {}],
    [SEED_ARTICLE_PATH, { cookie: "pending_comments=abc.def" }],
  ] as const) {
    const response = await request.get(path, { headers });
    expect(response.headers()["cache-control"], path).toMatch(/private, no-cache, no-store/);
    // Rendered for this request, never from the server's page cache (which answers with an Age).
    expect(response.headers()["age"], path).toBeUndefined();
  }
});

test("the front page and the first page of each section, topic and author are shared too; other pages are not", async ({ request, baseURL }) => {
  const shared = /^s-maxage=\d+, stale-while-revalidate=\d+$/;
  for (const path of ["/", "/sections/international", "/tags/shipping", `/authors/${(await queryRows<{ slug: string }>(`SELECT slug FROM "Author" ORDER BY id LIMIT 1`))[0]!.slug}`]) {
    const response = await request.get(path);
    expect([response.status(), response.headers()["cache-control"], response.headers()["vary"]], path).toEqual([200, expect.stringMatching(shared), expect.stringContaining("Cookie")]);
    expect(response.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'sha256-/);
  }
  await ensureArchiveSection();
  for (const [path, status] of [
    [`/sections/${ARCHIVE_SECTION}?page=2`, 200],
    ["/sections/no-such-section", 404],
    ["/tags/no-such-topic", 404],
  ] as const) {
    const response = await request.get(path);
    expect([response.status(), response.headers()["cache-control"]], path).toEqual([status, expect.stringMatching(/private, no-cache, no-store/)]);
  }
  // The front page's own route has no address but "/", and other spellings of "/" are never kept as copies of it.
  expect((await request.get("/front-page/latest")).status()).toBe(404);
  for (let i = 0; i < 2; i += 1) {
    const { status, headers } = await rawGet(baseURL!, "/x/%2e%2e");
    expect([status, headers["age"]]).toEqual([200, undefined]);
  }
});

test("staff pages are never stored by a shared cache", async ({ request }) => {
  for (const path of ["/admin", "/admin/sign-in"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["cache-control"], path).toBe("private, no-store");
  }
});

test("a form post from another site, or one far too large, is refused before any work", async ({ request }) => {
  const crossSite = await request.post(SEED_ARTICLE_PATH, { headers: { origin: "https://elsewhere.example" }, multipart: { body: "hi" } });
  expect(crossSite.status()).toBe(403);
  const nullOrigin = await request.post("/admin", { headers: { origin: "null" }, multipart: { commentId: "1" } });
  expect(nullOrigin.status()).toBe(403);
  const huge = await request.post(SEED_ARTICLE_PATH, { multipart: { body: "x".repeat(100_000) } });
  expect(huge.status()).toBe(413);
});

test("pages carry a Content-Security-Policy: a fresh nonce when rendered per request, script hashes when cached, and the site runs under both", async ({ page, request }) => {
  const basics = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'", "form-action 'self'"];
  const perRequest = ["/search?q=ferry", "/search?q=ferry", `${SEED_ARTICLE_PATH}?corder=newest`];
  const policies = await Promise.all(perRequest.map(async (path) => (await request.get(path)).headers()["content-security-policy"]!));
  for (const policy of policies) {
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    for (const directive of basics) expect(policy).toContain(directive);
  }
  expect(new Set(policies).size).toBe(3);

  // The article everybody shares is cached: no nonce, but the hash of each inline script of the framework's, so the
  // hashes must match the page's own scripts exactly, and nothing allows inline code in general.
  const cached = await request.get(SEED_ARTICLE_PATH);
  const cachedPolicy = cached.headers()["content-security-policy"]!;
  expect(cached.headers()["cache-control"]).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
  for (const directive of basics) expect(cachedPolicy).toContain(directive);
  const scriptSources = cachedPolicy.split("; ").find((directive) => directive.startsWith("script-src "))!;
  expect(scriptSources).not.toMatch(/nonce-|unsafe-inline|unsafe-eval|strict-dynamic/);
  const html = await cached.text();
  // Inline scripts: no src, and not the JSON-LD data block (which never runs).
  const inlineScripts = [...html.matchAll(/<script((?: [a-z]+="[^"]*")*)>([^<]*)<\/script>/g)]
    .filter(([, attributes]) => !/ (src|type)=/.test(attributes!))
    .map((match) => match[2]!);
  expect(inlineScripts.length).toBeGreaterThan(2);
  const allowed = scriptSources.split(" ").slice(1);
  expect(allowed).toEqual(["'self'", ...new Set(inlineScripts.map((script) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`))]);

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(SEED_ARTICLE_PATH);
  // The reply link works through client-side navigation, which needs the app's scripts to have run.
  await page.locator('article[id^="comment-"]').first().getByRole("link", { name: /^Reply to/ }).click();
  await expect(page.getByRole("heading", { name: /^Leave a Reply to / })).toBeVisible();
  await page.goto("/search?q=ferry");
  expect(violations).toEqual([]);
});

test("liveness and readiness answer without being cached", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect([live.status(), await live.json(), live.headers()["cache-control"]]).toEqual([200, { status: "live" }, "no-store"]);
  const ready = await request.get("/api/health/ready");
  expect([ready.status(), await ready.json(), ready.headers()["cache-control"]]).toEqual([200, { status: "ready" }, "no-store"]);
});

// The path exactly as written: a browser or Playwright's client would first resolve "/x/%2e%2e" to "/".
function rawGet(baseUrl: string, path: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    httpRequest(baseUrl, { path }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers }));
    })
      .on("error", reject)
      .end();
  });
}
