import { expect, test, type Browser, type Page } from "@playwright/test";
import { postComment, signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";
import { seriousViolations } from "../helpers/page-checks";

// An article no other browser test counts the comments of: this test leaves one approved comment on it.
const ARTICLE = "/articles/port-authority-approves-night-shifts-container-terminal";

// Every browser here connects from 127.0.0.1; the test server trusts one proxy, so each reader is told apart by the
// address a proxy would have forwarded. The base differs per run, so repeated runs never share a reader.
const runBase = Math.floor(Math.random() * 200) + 20;
function readerContext(browser: Browser, reader: number, options: { javaScriptEnabled?: boolean } = {}) {
  return browser.newContext({ ...options, extraHTTPHeaders: { "X-Forwarded-For": `198.51.${runBase}.${reader}` } });
}

async function approvedComment(page: Page, tag: string) {
  const email = uniqueEmail(tag);
  const body = `Reported remark ${email.split("@")[0]}`;
  await postComment(page, ARTICLE, { body, name: "Robin Report", email });
  const [stored] = await findCommentsByEmail(email);
  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  await page.locator("li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
  await expect(page.locator("li", { hasText: body })).toHaveCount(0);
  return { id: stored!.id, body };
}

async function sendReport(page: Page, reason: string, note?: string) {
  await page.getByRole("radio", { name: reason }).check();
  if (note !== undefined) await page.getByLabel(/What is wrong with it/).fill(note);
  await page.getByRole("button", { name: "Send report" }).click();
}

test("three readers report a comment: it leaves the article, waits under Reported with reasons and count, and dismissing is audited", async ({ browser }) => {
  // Six browsers and a moderator's round trip: longer than one page's test.
  test.slow();
  const moderator = await (await browser.newContext()).newPage();
  const comment = await approvedComment(moderator, "reported");
  const onArticle = (page: Page) => page.locator(`#comment-${comment.id}`);

  // First reader: from the comment's own link, through the per-field errors, to the thank-you.
  const first = await (await readerContext(browser, 1)).newPage();
  await first.goto(ARTICLE);
  const link = onArticle(first).getByRole("link", { name: "Report the comment by Robin Report" });
  await expect(link).toHaveAttribute("rel", "nofollow");
  await link.click();
  await expect(first).toHaveURL(new RegExp(`/comments/${comment.id}/report$`));
  await expect(first.getByText(comment.body)).toBeVisible();
  await first.getByRole("button", { name: "Send report" }).click();
  await expect(first.getByText("Please choose why you are reporting this comment")).toBeVisible();
  await sendReport(first, "Something else");
  await expect(first.getByText("Please say in a few words what is wrong with this comment")).toBeVisible();
  await expect(first.getByLabel(/What is wrong with it/)).toHaveAttribute("aria-invalid", "true");
  expect(await reportCount(comment.id)).toBe(0);
  await sendReport(first, "Something else", "Pretends to quote the mayor");
  await expect(first.getByRole("status")).toHaveText(/Thank you. Your report has been sent to the moderators./);

  // The same reader again: still one report.
  await first.goto(`/comments/${comment.id}/report`);
  await sendReport(first, "Spam or advertising");
  await expect(first.getByRole("status")).toHaveText(/You have already reported this comment/);
  expect(await reportCount(comment.id)).toBe(1);

  const second = await (await readerContext(browser, 2)).newPage();
  await second.goto(`/comments/${comment.id}/report`);
  await sendReport(second, "Abusive or hateful");
  await expect(second.getByRole("status")).toHaveText(/Thank you/);

  // Two reports are below the threshold: every visitor still sees the comment.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(ARTICLE);
  await expect(onArticle(visitor)).toContainText(comment.body);

  // The third reader has no JavaScript: the form posts as a plain page.
  const third = await (await readerContext(browser, 3, { javaScriptEnabled: false })).newPage();
  await third.goto(`/comments/${comment.id}/report`);
  await sendReport(third, "Abusive or hateful");
  await expect(third.getByRole("status")).toHaveText("Thank you. Your report has been sent to the moderators.");
  await expect(third).toHaveURL(new RegExp(`/comments/${comment.id}/report\\?sent=1$`));

  await visitor.reload();
  await expect(visitor.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(onArticle(visitor)).toHaveCount(0);
  const [hidden] = await queryRows<{ status: string; heldReasons: string[] }>(`SELECT status, "heldReasons" FROM "Comment" WHERE id = $1`, [comment.id]);
  expect(hidden).toEqual({ status: "PENDING", heldReasons: ["reported"] });
  // A hidden comment cannot be reported any more.
  expect((await third.goto(`/comments/${comment.id}/report`))?.status()).toBe(404);

  await moderator.goto("/admin");
  await moderator.getByRole("link", { name: /^Reported \(\d+\)$/ }).click();
  await expect(moderator).toHaveURL(/status=REPORTED/);
  const item = moderator.locator("li", { hasText: comment.body });
  const reports = item.getByRole("region", { name: "Reader reports" });
  await expect(reports).toContainText("3 open reports");
  await expect(reports.getByRole("listitem").filter({ hasText: "Abusive or hateful: 2" })).toHaveCount(1);
  await expect(reports.getByRole("listitem").filter({ hasText: "Something else: 1" })).toHaveCount(1);
  await expect(reports).toContainText("“Pretends to quote the mayor”");
  await expect(item.getByText("Hidden after readers reported it")).toBeVisible();
  const hashes = await queryRows<{ reporterHash: string }>(`SELECT "reporterHash" FROM "CommentReport" WHERE "commentId" = $1`, [comment.id]);
  const consoleHtml = await moderator.content();
  for (const { reporterHash } of hashes) expect(consoleHtml).not.toContain(reporterHash.slice(0, 10));
  expect(consoleHtml).not.toContain(`198.51.${runBase}.`);

  await item.getByRole("button", { name: "Dismiss reports" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Reports dismissed: the comment is published again.");
  await expect(moderator.locator("li", { hasText: comment.body })).toHaveCount(0);
  const audit = await queryRows<{ action: string; fromStatus: string; toStatus: string; reason: string }>(
    `SELECT action, "fromStatus", "toStatus", reason FROM "ModerationAction" WHERE "commentId" = $1 AND action = 'dismiss_reports'`,
    [comment.id],
  );
  expect(audit).toEqual([
    { action: "dismiss_reports", fromStatus: "PENDING", toStatus: "APPROVED", reason: "Dismissed 3 reports (Abusive or hateful: 2, Something else: 1)" },
  ]);
  await moderator.goto("/admin/audit");
  await expect(moderator.getByRole("row", { name: /Dismissed readers' reports/ }).first()).toContainText("Dismissed 3 reports");

  await visitor.reload();
  await expect(onArticle(visitor)).toContainText(comment.body);
});

test("the report form has no serious or critical accessibility violation, with its errors shown too", async ({ page }) => {
  await page.goto(SEED_ARTICLE_PATH);
  await page
    .getByRole("link", { name: /^Report the comment by / })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Report a comment" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Please choose why you are reporting this comment")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

async function reportCount(commentId: number): Promise<number> {
  const [row] = await queryRows<{ count: number }>(`SELECT count(*)::int AS count FROM "CommentReport" WHERE "commentId" = $1`, [commentId]);
  return row!.count;
}
