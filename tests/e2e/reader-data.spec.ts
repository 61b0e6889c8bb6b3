import { readFile } from "node:fs/promises";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { commentArticle, signInAsModerator } from "../helpers/e2e-actions";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";
import { linkIn, waitForMail } from "../helpers/e2e-mail";

const SLUG = "fishing-crews-ask-for-seat-at-maritime-safety-table";
const ARTICLE = `/articles/${SLUG}`;
const SENT = /If there are comments written with this address, we have sent it an email/;

type Thread = { a: string; b: string; tag: string; ids: { root: number; bReply: number; aReply: number } };

async function post(request: APIRequestContext, data: Record<string, unknown>): Promise<number> {
  const [article] = await queryRows<{ id: number }>(`SELECT id FROM "Article" WHERE slug = $1`, [SLUG]);
  const response = await request.post("/api/comments", { data: { articleId: article!.id, ...data } });
  expect(response.status()).toBe(202);
  return Number(((await response.json()) as { id: number }).id);
}

// A writes a comment, B answers it, A answers B. The last approval goes through the console, which revalidates the
// article's comments, so the page shows all three.
async function thread(request: APIRequestContext, browser: Browser): Promise<Thread> {
  const a = uniqueEmail("owner-a");
  const b = uniqueEmail("other-b");
  const tag = a.split("@")[0]!;
  const approve = (id: number) => queryRows(`UPDATE "Comment" SET status = 'APPROVED' WHERE id = $1`, [id]);
  const root = await post(request, { name: "Ada Owner", email: a, website: `https://${tag}.example.org/`, body: `Root by A ${tag}` });
  await approve(root);
  const bReply = await post(request, { parentId: root, name: "Ben Other", email: b, body: `Reply by B ${tag}` });
  await approve(bReply);
  const aReply = await post(request, { parentId: bReply, name: "Ada Owner", email: a, body: `Answer by A ${tag}` });
  const moderator = await (await browser.newContext()).newPage();
  await signInAsModerator(moderator);
  await moderator
    .locator("li", { hasText: `Answer by A ${tag}` })
    .getByRole("button", { name: "Approve" })
    .click();
  await expect(moderator.locator("li", { hasText: `Answer by A ${tag}` })).toHaveCount(0);
  await moderator.context().close();
  return { a, b, tag, ids: { root, bReply, aReply } };
}

async function askForLinks(page: Page, email: string) {
  await page.goto("/privacy/my-comments");
  await page.getByLabel("Email address you commented with").fill(email);
  await page.getByRole("button", { name: "Send me the links" }).click();
  await expect(page.getByRole("status")).toHaveText(SENT);
  const mail = await waitForMail(email, /^Your comments on The Harbor Ledger$/);
  return { download: linkIn(mail, "/privacy/my-comments/download"), erase: linkIn(mail, "/privacy/my-comments/erase"), text: mail.text };
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

test("a commenter downloads their comments once, as JSON that matches the database and holds nobody else's", async ({ page, request, browser }) => {
  const { a, b, tag, ids } = await thread(request, browser);
  // An address that never commented gets the same answer, and no mail.
  const stranger = uniqueEmail("stranger");
  await page.goto("/privacy/my-comments");
  await page.getByLabel("Email address you commented with").fill(stranger);
  await page.getByRole("button", { name: "Send me the links" }).click();
  await expect(page.getByRole("status")).toHaveText(SENT);

  const links = await askForLinks(page, a);
  expect(links.text).not.toContain(tag);
  await page.goto(links.download);
  await expect(page.getByRole("heading", { name: "Download your comments" })).toBeVisible();
  const [download, response] = await Promise.all([
    page.waitForEvent("download"),
    page.waitForResponse((answer) => answer.url().endsWith("/api/privacy/export")),
    page.getByRole("button", { name: "Download my comments (JSON)" }).click(),
  ]);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="harbor-ledger-comments-\d{4}-\d{2}-\d{2}\.json"$/);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  const exported = JSON.parse(await readFile((await download.path())!, "utf8")) as { comments: Record<string, unknown>[] };

  const rows = await queryRows<{
    id: number;
    parentId: number | null;
    authorName: string;
    authorWebsite: string | null;
    body: string;
    status: string;
    createdAt: Date;
    headline: string;
  }>(
    `SELECT c.id, c."parentId", c."authorName", c."authorWebsite", c.body, c.status, c."createdAt", a.headline
     FROM "Comment" c JOIN "Article" a ON a.id = c."articleId" WHERE c."authorEmail" = $1 ORDER BY c.id`,
    [a],
  );
  expect(rows.map((row) => row.id)).toEqual([ids.root, ids.aReply]);
  expect(exported.comments).toEqual(
    rows.map((row) => ({
      id: row.id,
      article: { headline: row.headline, url: expect.stringMatching(new RegExp(`^https?://[^/]+${ARTICLE}$`)) },
      parentId: row.parentId,
      name: row.authorName,
      website: row.authorWebsite,
      text: row.body,
      status: row.status,
      createdAt: new Date(row.createdAt).toISOString(),
    })),
  );
  expect(JSON.stringify(exported)).not.toMatch(/Reply by B|Ben Other|other-b/);

  // Used once: the same token is refused, from the page and from a direct post.
  await page.goto(links.download);
  await expect(page.getByText("This link has already been used.")).toBeVisible();
  const again = await request.post("/api/privacy/export", { form: { token: tokenOf(links.download) }, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  expect(again.headers().location).toContain("refused=used");

  // A tampered link, and A's erase link used as a download, are refused and spend nothing.
  const tampered = tokenOf(links.download).replace(/\.(\d|[a-z])+\./, ".1z.");
  for (const token of [tampered, tokenOf(links.erase)]) {
    const refused = await request.post("/api/privacy/export", { form: { token }, maxRedirects: 0 });
    expect(refused.headers().location).toContain("refused=invalid");
  }

  // B's own link shows B's comment only.
  const bLinks = await askForLinks(page, b);
  const bExport = await request.post("/api/privacy/export", { form: { token: tokenOf(bLinks.download) } });
  expect(bExport.status()).toBe(200);
  const bData = (await bExport.json()) as { comments: { id: number; name: string }[] };
  expect(bData.comments.map((comment) => [comment.id, comment.name])).toEqual([[ids.bReply, "Ben Other"]]);
  expect(JSON.stringify(bData)).not.toContain(`by A ${tag}`);
});

test("erasing anonymises the comments in place on the article page, with the replies still under them", async ({ page, request, browser }) => {
  const { a, b, tag, ids } = await thread(request, browser);
  await page.goto(ARTICLE);
  await expect(commentArticle(page, `Root by A ${tag}`)).toContainText("Ada Owner");

  const links = await askForLinks(page, a);
  await page.goto(links.erase);
  await expect(page.getByRole("heading", { name: "Erase your comments" })).toBeVisible();
  await expect(page.getByText("2 comments were written with this email address")).toBeVisible();
  // Opening the page changed nothing.
  expect((await queryRows(`SELECT id FROM "Comment" WHERE "authorEmail" = $1`, [a])).length).toBe(2);
  await page.getByLabel("Keep the text, without my name").check();
  await page.getByRole("button", { name: "Erase my comments" }).click();
  await expect(page.getByRole("heading", { name: "Your comments are erased" })).toBeVisible();

  const rows = await queryRows<{
    id: number;
    authorName: string;
    authorEmail: string;
    authorWebsite: string | null;
    clientHash: string | null;
    body: string;
    parentId: number | null;
  }>(`SELECT id, "authorName", "authorEmail", "authorWebsite", "clientHash", body, "parentId" FROM "Comment" WHERE id = ANY($1) ORDER BY id`, [
    [ids.root, ids.bReply, ids.aReply],
  ]);
  expect(rows).toEqual([
    {
      id: ids.root,
      authorName: "Anonymous",
      authorEmail: `erased:${ids.root}`,
      authorWebsite: null,
      clientHash: null,
      body: `Root by A ${tag}`,
      parentId: null,
    },
    expect.objectContaining({ id: ids.bReply, authorName: "Ben Other", authorEmail: b, parentId: ids.root }),
    {
      id: ids.aReply,
      authorName: "Anonymous",
      authorEmail: `erased:${ids.aReply}`,
      authorWebsite: null,
      clientHash: null,
      body: `Answer by A ${tag}`,
      parentId: ids.bReply,
    },
  ]);

  // The next visitor sees the change at once: same places, same thread, no name.
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(ARTICLE);
  const top = reader.locator("#comments > ol > li", { hasText: `Root by A ${tag}` });
  await expect(top.locator(":scope > article")).toContainText("Anonymous");
  await expect(top.locator(":scope > article")).not.toContainText("Ada Owner");
  const second = top.locator(":scope > ol > li", { hasText: `Reply by B ${tag}` });
  await expect(second.locator(":scope > article")).toContainText("Ben Other");
  const third = second.locator(":scope > ol > li", { hasText: `Answer by A ${tag}` });
  await expect(third.locator("article")).toContainText("Anonymous");
  expect(await reader.content()).not.toContain(`${tag}.example.org`);

  // The link worked once; the download link from the same mail no longer finds the address.
  await page.goto(links.erase);
  await expect(page.getByText("This link has already been used.")).toBeVisible();
  await page.goto(links.download);
  await expect(page.getByText("This link is not valid")).toBeVisible();
});
