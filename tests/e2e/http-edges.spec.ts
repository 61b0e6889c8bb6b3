import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { ARCHIVE_SECTION, ensureArchiveSection } from "../helpers/e2e-archive";
import { queryRows } from "../helpers/e2e-db";
import { e2eEnv, SEED_ARTICLE_PATH } from "../helpers/e2e-env";
import { rawRequest } from "../helpers/hostile-requests";

test("addresses that are not valid percent-encoding get 400, not a server error", async ({ request }) => {
  for (const path of ["/articles/%", "/articles/%E0%A4%A", "/api/auth/%", "/api/articles/%E0%A4%A/comments"]) {
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

test("an address the site never had gets the site's own 404 page, with its sections, a search and the latest stories", async ({ page, request }) => {
  // Under /api the answer is JSON, like every API answer.
  const api = await request.get("/api/no-such-endpoint");
  expect([api.status(), api.headers()["content-type"], await api.json()]).toEqual([
    404,
    expect.stringContaining("application/json"),
    expect.objectContaining({ error: "not_found" }),
  ]);
  for (const path of ["/no-such-page", "/articles/one/two", "/admin-tools", "/admin/no-such-tool"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: /story you were looking for/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Latest stories" }).getByRole("link")).not.toHaveCount(0);
    await expect(page).toHaveTitle(/Page not found/);
    await expect(page.locator('meta[name="robots"][content*="noindex"]')).toHaveCount(1);
  }
  // A missing article gets the same page without the latest stories (its segment's 404 page is sent with every
  // article, so it stays small).
  expect((await page.goto("/articles/no-such-story"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("navigation", { name: "Sections" })).toBeVisible();
  await expect(page).toHaveTitle(/Page not found/);
  await page.getByRole("searchbox", { name: /story you were looking for/ }).fill("ferry");
  await page.getByRole("searchbox", { name: /story you were looking for/ }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=ferry$/);
});

test("only real articles at their plain address are served from the page cache", async ({ request }) => {
  const shared = /^s-maxage=\d+, stale-while-revalidate=\d+$/;
  const cached = await request.get(SEED_ARTICLE_PATH);
  expect([cached.status(), cached.headers()["cache-control"], cached.headers()["vary"]]).toEqual([
    200,
    expect.stringMatching(shared),
    expect.stringContaining("Cookie"),
  ]);
  // The keys an edge cache purges it by: every shared page, every article page, this article.
  expect(cached.headers()["surrogate-key"]).toBe(`site article article:${SEED_ARTICLE_PATH.split("/").pop()}`);
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
    // Rendered for this request, never from Next.js's page cache, and with nothing for an edge cache to keep.
    expect([response.headers()["x-nextjs-cache"], response.headers()["surrogate-key"]], path).toEqual([undefined, undefined]);
  }
});

test("the front page and the first page of each section, topic and author are shared too; other pages are not", async ({ request, baseURL }) => {
  const shared = /^s-maxage=\d+, stale-while-revalidate=\d+$/;
  for (const path of [
    "/",
    "/sections/international",
    "/tags/shipping",
    `/authors/${(await queryRows<{ slug: string }>(`SELECT slug FROM "Author" ORDER BY id LIMIT 1`))[0]!.slug}`,
  ]) {
    const response = await request.get(path);
    expect([response.status(), response.headers()["cache-control"], response.headers()["vary"]], path).toEqual([
      200,
      expect.stringMatching(shared),
      expect.stringContaining("Cookie"),
    ]);
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
  // The front page's own route has no address but "/", and other spellings of an address are refused.
  expect((await request.get("/front-page/latest")).status()).toBe(404);
  for (const path of ["/x/%2e%2e", "/x/..", "/api/../articles/x", "/articles/./x"]) {
    expect((await rawRequest(baseURL!, path)).status, path).toBe(400);
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

test("pages carry a Content-Security-Policy: a fresh nonce when rendered per request, script hashes when cached, and the site runs under both", async ({
  page,
  request,
}) => {
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
  await page
    .locator('article[id^="comment-"]')
    .first()
    .getByRole("link", { name: /^Reply to/ })
    .click();
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

test("forged forwarding headers, chunked and disguised form posts get 4xx, never a server error", async ({ baseURL }) => {
  const page = await rawRequest(baseURL!, SEED_ARTICLE_PATH);
  const articleId = /name="articleId" value="(\d+)"/.exec(page.body)?.[1];
  expect(articleId).toBeDefined();
  const form = `articleId=${articleId}&body=Hello&name=Sam&email=sam%40example.com`;
  const formHeaders = { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL!, "Next-Action": "0".repeat(42) };
  const spoofed = await rawRequest(baseURL!, SEED_ARTICLE_PATH, {
    method: "POST",
    headers: { ...formHeaders, "X-Forwarded-Host": "evil.test", "Content-Length": String(form.length) },
    body: [form],
  });
  expect(spoofed.status).toBeLessThan(500);
  const chunked = await rawRequest(baseURL!, SEED_ARTICLE_PATH, { method: "POST", headers: formHeaders, body: ["x".repeat(40_000), "x".repeat(40_000)] });
  expect(chunked.status).toBe(411);
  const disguised = await rawRequest(baseURL!, `/api/..${SEED_ARTICLE_PATH}`, {
    method: "POST",
    headers: { ...formHeaders, "Content-Length": "100000" },
    body: ["x".repeat(100_000)],
  });
  expect(disguised.status).toBe(400);
});

test("a malformed router state or server action body gets 400 with its reason, never a server error", async ({ baseURL }) => {
  for (const path of ["/search?q=ferry", "/privacy", `${SEED_ARTICLE_PATH}?corder=newest`]) {
    for (const state of ["not-json", encodeURIComponent("[1,2]")]) {
      const answer = await rawRequest(baseURL!, path, { headers: { rsc: "1", "next-router-state-tree": state } });
      expect([answer.status, answer.body], `${path} ${state}`).toEqual([400, "The router state header is not valid."]);
    }
  }
  // The comment form's action, as its page names it for a post without JavaScript.
  const page = await rawRequest(baseURL!, SEED_ARTICLE_PATH);
  const actionId = /name="\$ACTION_1:0" value="\{&quot;id&quot;:&quot;(\w+)&quot;/.exec(page.body)?.[1];
  expect(actionId).toBeDefined();
  const boundary = "----edge";
  const multipart = (fields: [string, string][]) =>
    fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  const post = (headers: Record<string, string>, body: string) =>
    rawRequest(baseURL!, SEED_ARTICLE_PATH, {
      method: "POST",
      headers: { Origin: baseURL!, ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      body: [body],
    });
  const formType = { "Content-Type": `multipart/form-data; boundary=${boundary}` };
  const cases: [string, Record<string, string>, string, string][] = [
    ["unreadable form", { "Content-Type": "multipart/form-data" }, "x", "The form could not be read."],
    [
      "arguments that are not JSON",
      { "Next-Action": actionId!, "Content-Type": "text/plain;charset=UTF-8" },
      "not-json",
      "The action's arguments could not be read.",
    ],
    ["a part that is not JSON", { "Next-Action": actionId!, ...formType }, multipart([["0", "not-json"]]), "The form's action data could not be read."],
    [
      "a bound part that is not JSON, without JavaScript",
      formType,
      multipart([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", JSON.stringify({ id: actionId, bound: "$@1" })],
        ["$ACTION_1:1", "not-json"],
      ]),
      "The form's action data could not be read.",
    ],
  ];
  for (const [name, headers, body, reason] of cases) {
    const answer = await post(headers, body);
    expect([answer.status, answer.body], name).toEqual([400, reason]);
  }
});

test("the sign-in endpoint refuses a body far larger than a sign-in form, sent whole or in chunks", async ({ baseURL }) => {
  const path = "/api/auth/callback/credentials";
  const headers = { "Content-Type": "application/x-www-form-urlencoded" };
  const padding = `email=a%40example.com&password=${"x".repeat(100_000)}`;
  const whole = await rawRequest(baseURL!, path, { method: "POST", headers: { ...headers, "Content-Length": String(padding.length) }, body: [padding] });
  expect(whole.status).toBe(413);
  const chunked = await rawRequest(baseURL!, path, { method: "POST", headers, body: [padding.slice(0, 50_000), padding.slice(50_000)] });
  expect(chunked.status).toBe(413);
});

test("a stored photo is served for good under /media, through the image optimizer too, and shows on the site's pages", async ({ page, request }) => {
  // A photo as lib/media/store-photo.ts stores it: a JPEG named by the SHA-256 of its bytes, in the server's MEDIA_DIR.
  const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#2a6f97" } })
    .jpeg()
    .toBuffer();
  const name = `${createHash("sha256").update(photo).digest("hex")}.jpg`;
  await writeFile(path.join(e2eEnv.mediaDir(), name), photo);

  const served = await request.get(`/media/${name}`);
  expect([served.status(), served.headers()["content-type"], served.headers()["cache-control"], served.headers()["x-content-type-options"]]).toEqual([
    200,
    "image/jpeg",
    "public, max-age=31536000, immutable",
    "nosniff",
  ]);
  expect((await served.body()).equals(photo)).toBe(true);

  const optimized = (src: string) => `/_next/image?url=${encodeURIComponent(src)}&w=640&q=75`;
  const resized = await request.get(optimized(`/media/${name}`), { headers: { accept: "image/webp,image/*" } });
  expect([resized.status(), resized.headers()["content-type"]]).toEqual([200, "image/webp"]);
  expect((await request.get(optimized("/images/demo/ferry.jpg"))).status()).toBe(200);
  // The optimizer fetches photos only: no other address of the site, and no photo with a query.
  for (const src of ["/feed.xml", "/api/health/live", `/media/${name}?v=2`]) expect((await request.get(optimized(src))).status(), src).toBe(400);

  // On a page, under the site's Content-Security-Policy, the browser shows it as it is and resized.
  const about = await page.goto("/about");
  expect(about?.headers()["content-security-policy"]).toContain("img-src 'self'");
  const widths = await page.evaluate(
    (sources) =>
      Promise.all(
        sources.map(
          (src) =>
            new Promise<number>((resolve) => {
              const image = new Image();
              image.onload = () => resolve(image.naturalWidth);
              image.onerror = () => resolve(0);
              image.src = src;
            }),
        ),
      ),
    [`/media/${name}`, optimized(`/media/${name}`)],
  );
  expect(widths).toEqual([800, 640]);
});

test("under /media only a stored photo's name is found: other names and paths out of the folder are not", async ({ baseURL }) => {
  const hash = "0".repeat(64);
  for (const sent of [
    `/media/${hash}.jpg`,
    `/media/${hash.replace(/0/g, "A")}.jpg`,
    `/media/${hash}.svg`,
    "/media/.env",
    "/media/..%2f..%2fpackage.json",
    "/media/%2e%2e%2fpackage.json",
    "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/media/a/b.jpg",
  ]) {
    expect((await rawRequest(baseURL!, sent)).status, sent).toBe(404);
  }
  // Dot segments are refused before the app sees them.
  expect((await rawRequest(baseURL!, "/media/../package.json")).status).toBe(400);
});
