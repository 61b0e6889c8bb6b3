import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { commentArticle, fillCommentForm, signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";
import { e2eEnv } from "../helpers/e2e-env";
import { linkIn, mailTo, waitForMail } from "../helpers/e2e-mail";
import { capture, expectRefusedEverywhere, replay } from "../helpers/e2e-replay";

// Tests that change site-wide settings: they run one at a time, after every other browser test.
test.describe.configure({ mode: "serial" });

test.describe("with email confirmation required", () => {
  const ARTICLE = "/articles/new-ferry-timetable-adds-late-crossings";

  test.beforeAll(() => queryRows(`UPDATE "SiteSettings" SET "requireEmailConfirmation" = true WHERE id = 1`));
  test.afterAll(() => queryRows(`UPDATE "SiteSettings" SET "requireEmailConfirmation" = false WHERE id = 1`));

  test("a comment enters the queue only once its author confirms by email, and its status page follows it", async ({ page, browser, request }) => {
    const email = uniqueEmail("confirm");
    const body = `Please confirm me ${email.split("@")[0]}`;
    await page.goto(ARTICLE);
    await fillCommentForm(page, { body, name: "Cora Confirm", email });
    await page.getByLabel("Email me when my comment is published").check();
    await page.getByRole("button", { name: "Post Comment" }).click();
    await expect(commentArticle(page, body).getByText("Please confirm your comment")).toBeVisible();
    expect((await findCommentsByEmail(email))[0]?.status).toBe("UNCONFIRMED");

    const moderator = await (await browser.newContext()).newPage();
    await signInAsModerator(moderator);
    await expect(moderator.locator("li", { hasText: body })).toHaveCount(0);

    const confirmation = await waitForMail(email, /Please confirm your comment/);
    const statusLink = linkIn(confirmation, "/comments/status?token=");
    await page.goto(linkIn(confirmation, "/comments/confirm?token="));
    // Opening the link changes nothing; the button does.
    expect((await findCommentsByEmail(email))[0]?.status).toBe("UNCONFIRMED");
    await page.getByRole("button", { name: "Confirm my comment" }).click();
    await expect(page.getByRole("heading", { name: "Your comment: Waiting for a moderator" })).toBeVisible();

    await moderator.reload();
    await moderator.locator("li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
    await expect(moderator.locator("li", { hasText: body })).toHaveCount(0);

    await page.goto(statusLink);
    await expect(page.getByRole("heading", { name: "Your comment: Published" })).toBeVisible();
    await page.getByRole("link", { name: "See it on the article" }).click();
    await expect(page.locator('article[id^="comment-"]', { hasText: body })).toBeVisible();

    const published = await waitForMail(email, /is published/);
    const oneClick = published.headers["list-unsubscribe"]!.replace(/^<|>$/g, "");
    const unsubscribe = await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
    expect(unsubscribe.status()).toBe(200);
    const [flags] = await queryRows<{ notifyOnApproval: boolean }>(`SELECT "notifyOnApproval" FROM "Comment" WHERE "authorEmail" = $1`, [email]);
    expect(flags?.notifyOnApproval).toBe(false);
    expect(await mailTo(email)).toHaveLength(2);
  });

  test("confirmation links that are forged, reused for another purpose or expired are refused", async ({ page, request }) => {
    await page.goto("/comments/confirm?token=abc.def.ghi");
    await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
    await page.goto("/comments/status?token=1.zzzzzz.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
    expect((await request.post("/api/comments/unsubscribe?token=nope")).status()).toBe(400);
  });
});

test.describe("with comments published at once, five threads a page", () => {
  const SLUG = "harbor-bakery-chain-doubles-apprentice-places";

  test.beforeAll(() => queryRows(`UPDATE "SiteSettings" SET "moderationMode" = 'PUBLISH', "commentsPerPage" = 5 WHERE id = 1`));
  test.afterAll(() => queryRows(`UPDATE "SiteSettings" SET "moderationMode" = 'HOLD_ALL', "commentsPerPage" = 50 WHERE id = 1`));

  test("comments are paged by thread, a permalink lands on the page that holds the comment, and readers choose the order", async ({
    page,
    request,
    browser,
  }) => {
    const [article] = await queryRows<{ id: number }>(`SELECT id FROM "Article" WHERE slug = $1`, [SLUG]);
    const ids: number[] = [];
    for (let index = 1; index <= 7; index += 1) {
      // A form token from the article page, as the comment form would send (tokenless comments are always held).
      const html = await (await request.get(`/articles/${SLUG}`)).text();
      const token = html.match(/name="token" value="([^"]+)"/)![1];
      const response = await request.post("/api/comments", {
        data: { articleId: article!.id, name: `Pager ${index}`, email: uniqueEmail(`page${index}`), body: `Paged comment number ${index}`, token },
      });
      // Publish mode: public at once (201), and visible on the very next request.
      expect(response.status()).toBe(201);
      ids.push((await response.json()).id);
    }

    await page.goto(`/articles/${SLUG}`);
    await expect(page.getByRole("heading", { name: "7 comments" })).toBeVisible();
    await expect(page.getByText("Paged comment number 1", { exact: true })).toBeVisible();
    await expect(page.getByText("Paged comment number 7", { exact: true })).toHaveCount(0);

    await page.goto(`/comments/${ids[6]}`);
    await expect(page).toHaveURL(new RegExp(`cpage=2#comment-${ids[6]}$`));
    await expect(page.locator(`#comment-${ids[6]}`)).toContainText("Paged comment number 7");
    await page.getByRole("link", { name: "← Older comments" }).click();
    await expect(page.getByText("Paged comment number 5", { exact: true })).toBeVisible();

    // Readers choose the order with plain links (JavaScript off); it stays in the address, threads keep their shape.
    const html = await (await request.get(`/articles/${SLUG}`)).text();
    const token = html.match(/name="token" value="([^"]+)"/)![1];
    const reply = await request.post("/api/comments", {
      data: { articleId: article!.id, parentId: ids[2], name: "Pager Reply", email: uniqueEmail("pagereply"), body: "A reply to number 3", token },
    });
    expect(reply.status()).toBe(201);
    const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await reader.goto(`/articles/${SLUG}`);
    const sort = reader.getByRole("navigation", { name: "Sort comments" });
    await expect(sort.locator("[aria-current]")).toHaveText("Oldest first");
    await sort.getByRole("link", { name: "Newest first" }).click();
    await expect(reader).toHaveURL(/\?corder=newest#comments$/);
    const topLevel = reader.locator("#comments > ol > li > article");
    await expect(topLevel.first()).toContainText("Paged comment number 7");
    await reader.getByRole("navigation", { name: "Comment pages" }).getByRole("link", { name: "2", exact: true }).click();
    await expect(reader).toHaveURL(/cpage=2&corder=newest#comments$/);
    await expect(topLevel).toHaveCount(2);
    await expect(topLevel.last()).toContainText("Paged comment number 1");
    await reader.getByRole("navigation", { name: "Sort comments" }).getByRole("link", { name: "Most replies" }).click();
    await expect(topLevel.first()).toContainText("Paged comment number 3");
    await expect(reader.locator("#comments > ol > li").first().locator("ol article")).toContainText("A reply to number 3");

    expect((await request.get("/comments/999999999", { maxRedirects: 0 })).status()).toBe(404);
  });
});

test.describe("the settings page", () => {
  test("saves valid settings with an audit entry, refuses invalid ones, and closes an article's comments", async ({ page }) => {
    await signInAsModerator(page);
    await page.goto("/admin/settings");
    await page.getByLabel("Hold comments containing these words").fill("casino\nlottery");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved: holdWords.");
    const [row] = await queryRows<{ holdWords: string[] }>(`SELECT "holdWords" FROM "SiteSettings" WHERE id = 1`);
    expect(row?.holdWords).toEqual(["casino", "lottery"]);
    expect(await queryRows(`SELECT id FROM "ModerationAction" WHERE action = 'settings_update' AND reason LIKE '%lottery%'`)).toHaveLength(1);

    await page.getByLabel("Seconds between two comments from one sender").fill("soon");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toContainText("floodIntervalSeconds: Please enter a whole number");
    // What was typed stays, to be corrected.
    await expect(page.getByLabel("Seconds between two comments from one sender")).toHaveValue("soon");
    await expect(page.getByLabel("Hold comments containing these words")).toHaveValue("casino\nlottery");
    const [after] = await queryRows<{ floodIntervalSeconds: number }>(`SELECT "floodIntervalSeconds" FROM "SiteSettings" WHERE id = 1`);
    expect(after?.floodIntervalSeconds).toBe(0);

    await page.getByLabel("Hold comments containing these words").fill("");
    await page.getByLabel("Seconds between two comments from one sender").fill("0");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved: holdWords.");

    await page.getByRole("button", { name: "Close comments on The central library reopens after a two-year renovation" }).click();
    await expect(page.getByRole("button", { name: "Open comments on The central library reopens after a two-year renovation" })).toBeVisible();
    const reader = await (await page.context().browser()!.newContext()).newPage();
    await reader.goto("/articles/library-reopens-after-two-year-renovation");
    await expect(reader.getByText("Comments are closed on this article.")).toBeVisible();
    await page.getByRole("button", { name: "Open comments on The central library reopens after a two-year renovation" }).click();
    await expect(page.getByRole("button", { name: "Close comments on The central library reopens after a two-year renovation" })).toBeVisible();
    await reader.reload();
    await expect(reader.getByRole("heading", { name: "Leave a Reply" })).toBeVisible();
  });
});

test("two administrators saving the settings at once: the second is told, not overwriting the first", async ({ page, browser }) => {
  await signInAsModerator(page);
  const other = await (await browser.newContext()).newPage();
  await signInAsModerator(other);
  await page.goto("/admin/settings");
  await other.goto("/admin/settings");
  await page.getByLabel("Threads per comment page").fill("40");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: commentsPerPage.");
  await other.getByLabel("Reply levels shown").fill("4");
  await other.getByRole("button", { name: "Save settings" }).click();
  await expect(other.getByRole("status")).toContainText("Someone else saved the settings since you opened this page.");
  const [row] = await queryRows<{ commentsPerPage: number; maxThreadDepth: number }>(
    `SELECT "commentsPerPage", "maxThreadDepth" FROM "SiteSettings" WHERE id = 1`,
  );
  expect(row).toEqual({ commentsPerPage: 40, maxThreadDepth: 5 });
  // After saving, the form shows what was saved and can be saved again.
  await expect(page.getByLabel("Threads per comment page")).toHaveValue("40");
  await page.getByLabel("Threads per comment page").fill("50");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: commentsPerPage.");
});

test("site settings and article switches need an administrator's session from the site's own origin", async ({ page, baseURL }) => {
  await signInAsModerator(page);
  await page.goto("/admin/settings");
  await page.getByLabel("Threads per comment page").fill("45");
  const saved = await capture(page, () => page.getByRole("button", { name: "Save settings" }).click());
  const perPage = async () => (await queryRows<{ commentsPerPage: number }>(`SELECT "commentsPerPage" FROM "SiteSettings" WHERE id = 1`))[0]?.commentsPerPage;
  const real = await expectRefusedEverywhere(page, baseURL!, saved, async () => expect(await perPage()).toBe(50));
  await replay(baseURL!, saved, real, baseURL!);
  expect(await perPage()).toBe(45);
  await queryRows(`UPDATE "SiteSettings" SET "commentsPerPage" = 50 WHERE id = 1`);

  await page.goto("/admin/settings");
  const headline = "The central library reopens after a two-year renovation";
  const toggled = await capture(page, () => page.getByRole("button", { name: `Close comments on ${headline}` }).click());
  const open = async () =>
    (await queryRows<{ commentsOpen: boolean }>(`SELECT "commentsOpen" FROM "Article" WHERE headline = $1`, [headline]))[0]?.commentsOpen;
  await expectRefusedEverywhere(page, baseURL!, toggled, async () => expect(await open()).toBe(true));
  await replay(baseURL!, toggled, real, baseURL!);
  expect(await open()).toBe(false);
  await queryRows(`UPDATE "Article" SET "commentsOpen" = true WHERE headline = $1`, [headline]);
});

// Runs last: by now every other test has posted, confirmed, approved and refused comments.
test("the server log holds no commenter's email address", async () => {
  const log = await readFile(e2eEnv.serverLog(), "utf8");
  expect(log.length).toBeGreaterThan(0);
  expect(log.match(/[a-z]+-\d{13}-[a-z0-9]{6}@example\.com/g) ?? []).toEqual([]);
  expect(log).not.toMatch(/helen\.brandt@|rafael\.costa@|ines\.walker@/);
});
