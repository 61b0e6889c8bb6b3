import { expect, test, type Browser } from "@playwright/test";
import { commentArticle, postComment, signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";
import { e2eEnv, SEED_ARTICLE_PATH } from "../helpers/e2e-env";
import { mailTo } from "../helpers/e2e-mail";
import type { ReceivedMail } from "../helpers/smtp-sink";

// A moderator who asked for immediate mail: every held comment brings an email with review links. Serial, because
// every comment the other tests hold would mail this moderator too.
test.describe.configure({ mode: "serial" });

test.afterAll(() => queryRows(`UPDATE "StaffUser" SET "moderatorMail" = 'OFF' WHERE email = $1`, [e2eEnv.moderatorEmail()]));

async function heldCommentWithMail(browser: Browser, label: string) {
  const email = uniqueEmail(label);
  const body = `Please review ${email.split("@")[0]}`;
  await postComment(await (await browser.newContext()).newPage(), SEED_ARTICLE_PATH, { body, name: "Rhea Review", email });
  let mail: ReceivedMail | undefined;
  await expect
    .poll(async () => (mail = (await mailTo(e2eEnv.moderatorEmail())).find((received) => received.text.includes(body))) !== undefined, { timeout: 15_000 })
    .toBe(true);
  const links = [...mail!.text.matchAll(/^ {2}(Approve|Reject|Mark as spam): (\S+)$/gm)].map((match) => [match[1], match[2]]);
  return { email, body, mail: mail!, links: Object.fromEntries(links) as Record<"Approve" | "Reject" | "Mark as spam", string> };
}

test("a moderator asks for immediate mail and approves from the email's link, once", async ({ page, browser }) => {
  await signInAsModerator(page);
  await page.getByRole("link", { name: "Your account" }).click();
  await page.getByLabel(/^An email for each comment held for review/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  const { email, body, mail, links } = await heldCommentWithMail(browser, "reviewmail");
  expect(mail.subject).toMatch(/^A comment waits for review: /);
  expect(mail.text).toContain("Rhea Review");
  // Staff mail is forwarded and archived beyond the console's rules: the commenter's address is never in it.
  expect(mail.text).not.toContain(email);

  const phone = await (await browser.newContext()).newPage();
  await phone.goto(links.Approve);
  await expect(phone.getByRole("heading", { name: "Approve this comment?" })).toBeVisible();
  await expect(phone.getByText(body)).toBeVisible();
  // Opening the link (as a mail scanner would) changed nothing.
  expect((await findCommentsByEmail(email))[0]?.status).toBe("PENDING");
  // Whoever holds the link sees the comment, never who sent it.
  expect(await phone.content()).not.toContain(email);
  await phone.getByRole("button", { name: "Approve this comment" }).click();
  await expect(phone.getByRole("status")).toHaveText("Approved: the comment is on the page.");
  expect((await findCommentsByEmail(email))[0]?.status).toBe("APPROVED");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(SEED_ARTICLE_PATH);
  await expect(commentArticle(reader, body)).toBeVisible();

  await phone.goto(links.Approve);
  await expect(phone.getByText("This link has already been used.")).toBeVisible();
  await expect(phone.getByRole("button")).toHaveCount(0);
  const [audit] = await queryRows<{ action: string; name: string }>(
    `SELECT a.action, s.name FROM "ModerationAction" a JOIN "StaffUser" s ON s.id = a."staffUserId" JOIN "Comment" c ON c.id = a."commentId" WHERE c."authorEmail" = $1`,
    [email],
  );
  expect(audit?.action).toBe("approve");
});

test("a link for a comment another moderator already handled says so and offers nothing", async ({ page, browser }) => {
  const { email, body, links } = await heldCommentWithMail(browser, "beaten");
  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  await page.locator("ol > li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved. Press u to undo.");

  const phone = await (await browser.newContext()).newPage();
  await phone.goto(links.Reject);
  await expect(phone.getByText("Another moderator has dealt with this comment already: it is approved.")).toBeVisible();
  await expect(phone.getByRole("button")).toHaveCount(0);

  await phone.goto(`${links["Mark as spam"]!.slice(0, -4)}AAAA`);
  await expect(phone.getByText("This link is not valid.")).toBeVisible();
  expect((await findCommentsByEmail(email))[0]?.status).toBe("APPROVED");
});
