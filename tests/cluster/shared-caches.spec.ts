import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { makeExpiryToken } from "@/lib/cache/expiry-token";
import { commentField } from "../helpers/e2e-actions";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";
import { e2eEnv, SEED_ARTICLE_PATH } from "../helpers/e2e-env";
import { linkIn, waitForMail } from "../helpers/e2e-mail";
import { hostileRequests, rawRequest, sharedPart } from "../helpers/hostile-requests";

// Two app instances behind Varnish, sharing Redis and one database (scripts/test.ts starts them). A moderator works
// on instance A; readers fetch the article through Varnish and straight from instance B. Every change must show in
// both within a second, and between changes Varnish must answer from its cache.
const [instanceA, instanceB] = e2eEnv.instanceUrls() as [string, string];
const edge = e2eEnv.varnishUrl();
const SHOWN_WITHIN_MS = 1000;

async function articleId(): Promise<number> {
  const [row] = await queryRows<{ id: number }>(`SELECT id FROM "Article" WHERE slug = $1`, [SEED_ARTICLE_PATH.split("/").pop()]);
  return row!.id;
}

// A reader's comment, sent to instance B (or through Varnish) as a program would; it is held for moderation.
async function heldComment(label: string, base = instanceB, headers: Record<string, string> = {}) {
  const email = uniqueEmail(label);
  const body = `Cluster ${label} ${email.split("@")[0]}`;
  const response = await rawRequest(base, "/api/comments", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: [JSON.stringify({ articleId: await articleId(), name: "Robin Cluster", email, body })],
  });
  expect(response.status, response.body).toBe(202);
  return { email, body };
}

// Varnish answers the article from its cache (asked twice, the second answer is a hit with an age), and both
// readers' copies hold what they should before the change.
async function expectCachedEverywhere(shows: (body: string) => boolean, path = SEED_ARTICLE_PATH) {
  const again = await cachedCopy(path);
  expect(Number(again.headers.age)).toBeGreaterThanOrEqual(0);
  expect(shows(again.body)).toBe(true);
  expect(shows((await rawRequest(instanceB, path)).body)).toBe(true);
}

// Varnish's stored copy of a page: asked until it answers from its cache (a purge sent a moment after a change, see
// lib/cache-expiry.ts, may land between two asks).
async function cachedCopy(path: string) {
  let answer = await rawRequest(edge, path);
  await expect.poll(async () => (answer = await rawRequest(edge, path)).headers["x-cache"], { timeout: 5000 }).toBe("HIT");
  return answer;
}

// How long after `since` a page (the seed article unless said), fetched from this address by an anonymous reader,
// first passes the check.
async function msUntilShown(base: string, since: number, shows: (body: string) => boolean, path = SEED_ARTICLE_PATH): Promise<number> {
  for (;;) {
    const response = await rawRequest(base, path);
    const elapsed = Date.now() - since;
    if (response.status === 200 && shows(response.body)) return elapsed;
    if (elapsed > 10 * SHOWN_WITHIN_MS) return elapsed;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function expectShownWithinASecond(since: number, shows: (body: string) => boolean, path = SEED_ARTICLE_PATH) {
  const [throughVarnish, fromB] = await Promise.all([msUntilShown(edge, since, shows, path), msUntilShown(instanceB, since, shows, path)]);
  console.log(`shown through Varnish after ${throughVarnish} ms, on instance B after ${fromB} ms`);
  expect(
    { throughVarnish: throughVarnish <= SHOWN_WITHIN_MS, fromB: fromB <= SHOWN_WITHIN_MS },
    `Varnish ${throughVarnish} ms, instance B ${fromB} ms`,
  ).toEqual({ throughVarnish: true, fromB: true });
  // Until the next change, Varnish serves the new page from its cache.
  await expectCachedEverywhere(shows, path);
}

// Signed in on instance A itself. After signing in the site sends staff to its public address (Varnish), so go
// back to A's console by hand; the session cookie is A's host's.
async function consoleOnA(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${instanceA}/admin/sign-in`);
  await commentField(page, "Email").fill(e2eEnv.moderatorEmail());
  await page.getByLabel("Password").fill(e2eEnv.moderatorPassword());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto(`${instanceA}/admin`);
  await expect(page.getByRole("heading", { name: "Comments", level: 1 })).toBeVisible();
  return page;
}

// Approves on A and returns when A has answered (the comment has left the queue).
async function approveOnA(moderator: Page, body: string): Promise<number> {
  await moderator.goto(`${instanceA}/admin`);
  const item = moderator.locator("li", { hasText: body });
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(moderator.locator("li", { hasText: body })).toHaveCount(0);
  return Date.now();
}

// First, while no change has been made: a purge sent a moment after a change would turn its hits into misses.
test("nothing one reader sends through Varnish changes what another reader then receives", async () => {
  for (const path of [SEED_ARTICLE_PATH, "/sections/international"]) {
    const first = await cachedCopy(path);
    for (const { path: sent, method, headers } of hostileRequests(path)) {
      expect((await rawRequest(edge, sent, { method, headers })).status, sent).toBeLessThan(500);
    }
    const second = await rawRequest(edge, path);
    expect(second.headers["x-cache"]).toBe("HIT");
    expect(sharedPart(second)).toEqual(sharedPart(first));
    expect(first.body).not.toMatch(/nonce-x|nonce="|evil\.test|gopher:/);
  }
});

test("an approval and a reject on instance A show through Varnish and on instance B within a second", async ({ browser }) => {
  const { body } = await heldComment("approve");
  const moderator = await consoleOnA(browser);
  await expectCachedEverywhere((page) => !page.includes(body));

  await expectShownWithinASecond(await approveOnA(moderator, body), (page) => page.includes(body));

  await moderator.goto(`${instanceA}/admin?status=APPROVED`);
  await moderator.locator("li", { hasText: body }).getByRole("button", { name: "Reject" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Rejected. Press u to undo.");
  await expectShownWithinASecond(Date.now(), (page) => !page.includes(body));
  await moderator.context().close();
});

test("a reader erasing their comments on instance A shows as Anonymous through Varnish and on instance B within a second", async ({ browser, page }) => {
  const { email, body } = await heldComment("erase");
  const moderator = await consoleOnA(browser);
  await expectShownWithinASecond(await approveOnA(moderator, body), (html) => html.includes(body) && html.includes("Robin Cluster"));
  await moderator.context().close();

  await page.goto(`${instanceA}/privacy/my-comments`);
  await page.getByLabel("Email address you commented with").fill(email);
  await page.getByRole("button", { name: "Send me the links" }).click();
  const mail = await waitForMail(email, /^Your comments on /);
  // The mail links to the public address; this reader opens it on instance A.
  const erase = new URL(linkIn(mail, "/privacy/my-comments/erase"));
  await page.goto(`${instanceA}${erase.pathname}${erase.search}`);
  await page.getByLabel("Keep the text, without my name").check();
  await page.getByRole("button", { name: "Erase my comments" }).click();
  await expect(page.getByRole("heading", { name: "Your comments are erased" })).toBeVisible();
  await expectShownWithinASecond(Date.now(), (html) => html.includes(body) && !html.includes("Robin Cluster"));
});

test("closing and reopening an article's comments on instance A shows through Varnish and on instance B within a second", async ({ browser }) => {
  const closed = (html: string) => html.includes("Comments are closed on this article.");
  await expectCachedEverywhere((html) => !closed(html));
  const moderator = await consoleOnA(browser);
  const [{ headline }] = (await queryRows<{ headline: string }>(`SELECT headline FROM "Article" WHERE id = $1`, [await articleId()])) as [{ headline: string }];
  for (const [button, shows] of [
    ["Close", closed],
    ["Open", (html: string) => !closed(html)],
  ] as const) {
    await moderator.goto(`${instanceA}/admin/settings`);
    await moderator.getByRole("button", { name: `${button} comments on ${headline}` }).click();
    await expect(moderator.getByRole("button", { name: `${button === "Close" ? "Open" : "Close"} comments on ${headline}` })).toBeVisible();
    await expectShownWithinASecond(Date.now(), shows);
  }
  await moderator.context().close();
});

// The importer, run beside the site as a newsroom runs it, asks the site to forget its pages when it has changed some.
function importArticles(dir: string) {
  execFileSync("npm", ["run", "-s", "import:articles", "--", dir], {
    env: { ...process.env, DATABASE_URL: e2eEnv.databaseUrl(), SITE_URL: edge, NEXTAUTH_SECRET: e2eEnv.siteSecret() },
    stdio: "pipe",
  });
  return Date.now();
}

test("an imported article, and a new headline for it, show through Varnish and on instance B within a second", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "cluster-import-"));
  const slug = `cluster-import-${Date.now().toString(36)}`;
  const write = (headline: string) =>
    writeFile(
      path.join(dir, `${slug}.md`),
      `---\nslug: ${slug}\nheadline: ${headline}\nsection: international\nauthors: [cluster-desk]\npublishedAt: ${new Date().toISOString()}\n---\n\nA paragraph.\n`,
    );
  const section = "/sections/international";
  await expectCachedEverywhere((html) => !html.includes(slug), section);
  await write("Harbor pilots agree a night schedule");
  await expectShownWithinASecond(importArticles(dir), (html) => html.includes(`/articles/${slug}`), section);

  const article = `/articles/${slug}`;
  await expectCachedEverywhere((html) => html.includes("Harbor pilots agree a night schedule"), article);
  await write("Harbor pilots agree a winter night schedule");
  await expectShownWithinASecond(importArticles(dir), (html) => html.includes("Harbor pilots agree a winter night schedule"), article);
  await rm(dir, { recursive: true, force: true });
});

test("Varnish stores only answers that carry keys to purge them by: not feeds, sitemaps or redirects", async () => {
  const [{ slug }] = (await queryRows<{ slug: string }>(`SELECT slug FROM "ArticleSlugRedirect" LIMIT 1`)) as [{ slug: string }];
  for (const path of ["/feed.xml", "/sitemap.xml", `/articles/${slug}`, "/articles/no-such-article"]) {
    const answers = [await rawRequest(edge, path), await rawRequest(edge, path)];
    expect(
      answers.map((answer) => [answer.status < 500, answer.headers["x-cache"]]),
      path,
    ).toEqual([
      [true, "MISS"],
      [true, "MISS"],
    ]);
  }
});

test("behind Varnish a reader cannot pass for another address with X-Forwarded-For", async () => {
  // The instances trust one proxy, Varnish, which appends the address it saw: whatever a client writes before it is
  // ignored, so two posts claiming different addresses from one client are known as one client.
  const posts = [
    await heldComment("forwarded-a", edge, { "X-Forwarded-For": "203.0.113.7" }),
    await heldComment("forwarded-b", edge, { "X-Forwarded-For": "198.51.100.9, 192.0.2.1" }),
    await heldComment("forwarded-c", edge),
  ];
  const rows = await queryRows<{ clientHash: string | null }>(`SELECT "clientHash" FROM "Comment" WHERE "authorEmail" = ANY($1)`, [
    posts.map((post) => post.email),
  ]);
  expect(rows).toHaveLength(3);
  expect(rows[0]!.clientHash).toBeTruthy();
  expect(new Set(rows.map((row) => row.clientHash)).size).toBe(1);
});

// Last: the expiry purges every page, once at once and again 1.5 s later, which would turn another test's hits
// into misses.
test("a signed cache expiry works once; a copy of it, or an unsigned one, is refused", async () => {
  const token = makeExpiryToken(e2eEnv.siteSecret());
  const expire = (bearer: string) =>
    rawRequest(edge, "/api/cache/expire", { method: "POST", headers: { Authorization: `Bearer ${bearer}`, "Content-Length": "0" } });
  expect((await expire(token)).status).toBe(204);
  expect((await expire(token)).status).toBe(401);
  expect((await expire(makeExpiryToken("not-the-site-secret-but-long-enough-0000"))).status).toBe(401);
});
