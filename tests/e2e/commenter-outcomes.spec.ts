import { expect, test, type Page } from "@playwright/test";
import { commentArticle, createStaff, fillCommentForm, postComment, signInAsModerator } from "../helpers/e2e-actions";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";
import { mailTo, waitForMail } from "../helpers/e2e-mail";

// What a commenter learns of a moderator's decision: in place on the article, on the comment's status page, and by
// mail when they asked, once the hold for undo has passed (the browser tests run with a hold of ten seconds).
// Each test waits for the server's job, which runs every 10 seconds, once or twice.
test.describe.configure({ timeout: 120_000 });

const ARTICLE = "/articles/electricity-prices-fall-as-offshore-wind-farm-connects";

async function postAskingForNotice(page: Page, label: string) {
  const email = uniqueEmail(label);
  const body = `My view on the wind farm ${email.split("@")[0]}`;
  await page.goto(ARTICLE);
  await fillCommentForm(page, { body, name: "Nora Notice", email });
  await page.getByLabel("Email me when my comment is published or refused").check();
  await page.getByRole("button", { name: "Post Comment" }).click();
  const own = commentArticle(page, body);
  await expect(own.getByText("Your comment is awaiting moderation.")).toBeVisible();
  return { email, body, own };
}

// Every notice due has been taken by the server's job (sent, or found to have nothing to tell).
async function noticeTaken(body: string) {
  await expect
    .poll(async () => (await queryRows<{ due: Date | null }>(`SELECT "noticeDueAt" AS due FROM "Comment" WHERE body = $1`, [body]))[0]?.due, {
      timeout: 30_000,
    })
    .toBeNull();
}

test("a refused commenter sees the outcome and the moderator's reason in place, on the status page and by mail", async ({ page, browser }) => {
  const { email, body, own } = await postAskingForNotice(page, "refused");
  const statusLink = own.getByRole("link", { name: "Follow what happens to it" });
  const statusPath = await statusLink.getAttribute("href");
  expect(statusPath).toMatch(/^\/comments\/status\?token=/);

  const moderator = await (await browser.newContext()).newPage();
  await signInAsModerator(moderator);
  await moderator.goto(`/admin?q=${encodeURIComponent(body)}`);
  const item = moderator.locator("ol > li", { hasText: body });
  await item.getByRole("combobox", { name: /^Reason for rejecting/ }).fill("Please keep to the wind farm and prices.");
  await item.getByRole("button", { name: "Reject" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Rejected. Press u to undo.");

  await page.reload();
  const refused = commentArticle(page, body);
  await expect(
    refused.getByText("A moderator decided not to publish your comment. The moderator's reason: Please keep to the wind farm and prices."),
  ).toBeVisible();
  // A refused comment is not one waiting: the heading does not count it as "not yet published".
  await expect(page.locator("#comments-heading")).toHaveText(/^(No published comments yet|\d+ comments?)$/);

  await page.goto(statusPath!);
  await expect(page.getByRole("heading", { name: "Your comment: Not published" })).toBeVisible();
  await expect(page.getByText("Please keep to the wind farm and prices.")).toBeVisible();

  const mail = await waitForMail(email, /was not published/);
  expect(mail.text).toContain("The moderator's reason: Please keep to the wind farm and prices.");
  expect(mail.text).not.toContain(body);

  // Nobody else sees the refused comment, not even another commenter whose own comments make the page theirs.
  const stranger = await (await browser.newContext()).newPage();
  const theirs = `Another view on the wind farm ${Date.now()}`;
  await postComment(stranger, ARTICLE, { body: theirs, name: "Sam Stranger", email: uniqueEmail("stranger") });
  await stranger.reload();
  await expect(commentArticle(stranger, theirs)).toBeVisible();
  await expect(commentArticle(stranger, body)).toHaveCount(0);
});

test("an approval undone within the hold sends nothing; approved again, the commenter is mailed once", async ({ page, browser }) => {
  const { email, body } = await postAskingForNotice(page, "undone");
  const moderator = await (await browser.newContext()).newPage();
  // Undo takes back the signed-in member's own last batch: a moderator of this test's own.
  await signInAsModerator(moderator, createStaff("undo-notice"));
  await moderator.goto(`/admin?q=${encodeURIComponent(body)}`);
  await moderator.locator("ol > li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Approved. Press u to undo.");
  await moderator.getByRole("button", { name: "Undo last action" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Undone: 1 comment.");

  await noticeTaken(body);
  expect(await mailTo(email)).toEqual([]);

  await moderator.goto(`/admin?q=${encodeURIComponent(body)}`);
  await moderator.locator("ol > li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Approved. Press u to undo.");
  await waitForMail(email, /is published/);
  await noticeTaken(body);
  expect((await mailTo(email)).map((mail) => mail.subject)).toEqual([expect.stringMatching(/is published$/)]);
});
