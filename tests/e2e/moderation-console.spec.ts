import { expect, test, type Browser, type Page } from "@playwright/test";
import { createStaff, fillCommentForm, postComment, signInAsModerator } from "../helpers/e2e-actions";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";

const ARTICLE = "/articles/trade-envoys-reopen-grain-corridor-negotiations";

async function postTagged(browser: Browser, tag: string, count: number): Promise<string[]> {
  const page = await (await browser.newContext()).newPage();
  const bodies: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const body = `Queue item ${index} ${tag}`;
    await postComment(page, ARTICLE, { body, name: `Queued ${index}`, email: uniqueEmail(`queue${index}`) });
    bodies.push(body);
  }
  await page.context().close();
  return bodies;
}

// Undo takes back the signed-in member's own last batch: tests that undo sign in as a moderator of their own, so a
// batch another test makes at the same moment under the shared account is never the one undone.
const signInAsOwnModerator = (page: Page, label: string) => signInAsModerator(page, createStaff(label));

const statuses = async (tag: string) =>
  (await queryRows<{ status: string }>(`SELECT status FROM "Comment" WHERE body LIKE $1 ORDER BY id`, [`%${tag}`])).map((row) => row.status);

test("a moderator works the queue with the keyboard alone", async ({ page, browser }) => {
  const tag = uniqueEmail("keys").split("@")[0]!;
  await postTagged(browser, tag, 2);
  await signInAsOwnModerator(page, "keys-moderator");
  await page.goto(`/admin?q=${encodeURIComponent(tag)}`);
  await expect(page.locator("ol > li")).toHaveCount(2);

  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  // The help is modal: tabbing never reaches the queue behind it.
  for (let press = 0; press < 4; press += 1) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement?.closest("dialog") !== null)).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await page.keyboard.press("a");
  await expect(page.getByRole("status")).toHaveText("Approved. Press u to undo.");
  await expect(page.locator("ol > li")).toHaveCount(1);
  await page.keyboard.press("s");
  await expect(page.getByRole("status")).toHaveText("Marked as spam. Press u to undo.");
  await expect(page.locator("ol > li")).toHaveCount(0);
  expect(await statuses(tag)).toEqual(["APPROVED", "SPAM"]);

  await page.keyboard.press("u");
  await expect(page.getByRole("status")).toHaveText("Undone: 1 comment.");
  expect(await statuses(tag)).toEqual(["APPROVED", "PENDING"]);
});

test("bulk approve, then undo the whole batch", async ({ page, browser }) => {
  const tag = uniqueEmail("bulk").split("@")[0]!;
  await postTagged(browser, tag, 3);
  await signInAsOwnModerator(page, "bulk-moderator");
  await page.goto(`/admin?q=${encodeURIComponent(tag)}`);
  for (const checkbox of await page.getByRole("checkbox", { name: /^Select the comment by/ }).all()) await checkbox.check();
  await expect(page.getByText("3 selected:")).toBeVisible();
  await page.getByRole("button", { name: "Approve selected" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved: 3 comments. Press u to undo.");
  expect(await statuses(tag)).toEqual(["APPROVED", "APPROVED", "APPROVED"]);

  await page.getByRole("button", { name: "Undo last action" }).click();
  await expect(page.getByRole("status")).toHaveText("Undone: 3 comments.");
  expect(await statuses(tag)).toEqual(["PENDING", "PENDING", "PENDING"]);
  await expect(page.locator("ol > li")).toHaveCount(3);
});

test("bulk actions work without JavaScript", async ({ page, browser }) => {
  const tag = uniqueEmail("nojs").split("@")[0]!;
  await postTagged(browser, tag, 3);
  await signInAsModerator(page);
  const noScript = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
  await noScript.goto(`/admin?q=${encodeURIComponent(tag)}`);
  const boxes = noScript.getByRole("checkbox", { name: /^Select the comment by/ });
  await expect(boxes).toHaveCount(3);
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await noScript.getByRole("button", { name: "Spam selected" }).click();
  await expect(noScript.getByRole("status")).toHaveText("Marked as spam: 2 comments. Press u to undo.");
  expect(await statuses(tag)).toEqual(["SPAM", "PENDING", "SPAM"]);
});

test("a staff reply approves the comment it answers and appears at once with a staff badge", async ({ page, browser }) => {
  const tag = uniqueEmail("staffreply").split("@")[0]!;
  const [question] = await postTagged(browser, tag, 1);
  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(tag)}`);
  const item = page.locator("ol > li", { hasText: question! });
  await item.getByText("Reply as staff").click();
  await item.getByRole("textbox", { name: /^Staff reply to/ }).fill(`Thanks for asking ${tag}`);
  await item.getByRole("button", { name: "Approve and publish reply" }).click();
  await expect(page.getByRole("status")).toHaveText("Your reply is published.");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(ARTICLE);
  const reply = reader.locator('article[id^="comment-"]', { hasText: `Thanks for asking ${tag}` });
  await expect(reply.getByText("Staff", { exact: true })).toBeVisible();
  await expect(reader.locator("li", { has: reader.locator('article[id^="comment-"]', { hasText: question! }) }).locator("li", { has: reply })).toHaveCount(1);
});

test("a moderator reads a comment's timeline and blocks its sender, whose next comment is refused", async ({ page, browser }) => {
  const email = uniqueEmail("blocked");
  const body = `Rude remark ${email.split("@")[0]}`;
  const writer = await (await browser.newContext()).newPage();
  await postComment(writer, ARTICLE, { body, name: "Rex Rude", email });

  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  const item = page.locator("ol > li", { hasText: body });
  await item.getByRole("combobox", { name: /^Reason for rejecting/ }).fill("Insults are not published.");
  await item.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByRole("status")).toHaveText("Rejected. Press u to undo.");

  await page.goto(`/admin?status=REJECTED&q=${encodeURIComponent(body)}`);
  await page.getByRole("link", { name: "History and sender" }).click();
  await expect(page.getByRole("heading", { name: "Comment by Rex Rude" })).toBeVisible();
  await expect(page.getByText(/reject \(pending → rejected\): “Insults are not published.”/)).toBeVisible();
  const senderTimeline = page.getByRole("region", { name: "The sender's timeline" });
  await expect(senderTimeline.getByRole("listitem")).toHaveCount(2);
  await expect(senderTimeline.getByRole("listitem").first()).toContainText("reject (pending → rejected)");
  await expect(senderTimeline.getByRole("listitem").last()).toContainText("wrote on “");
  await page.getByLabel("Their next comments are").selectOption("REFUSE");
  await page.getByRole("button", { name: "Block" }).click();
  await expect(page.getByText(`email ${email}: refused until lifted`)).toBeVisible();

  await writer.goto(ARTICLE);
  await fillCommentForm(writer, { body: `Another one ${email}`, name: "Rex Rude", email });
  await writer.getByRole("button", { name: "Post Comment" }).click();
  await expect(writer.locator("form [role=alert]")).toContainText("Your comment could not be accepted.");
});

test("an edit keeps the old text in the timeline, and an admin can delete a comment for good", async ({ page, browser }) => {
  const email = uniqueEmail("edited");
  const body = `Typo-ridden remrak ${email.split("@")[0]}`;
  await postComment(await (await browser.newContext()).newPage(), ARTICLE, { body, name: "Ed Itor", email });
  const [comment] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" WHERE "authorEmail" = $1`, [email]);

  await signInAsModerator(page);
  await page.goto(`/admin/comments/${comment!.id}`);
  await page.getByRole("textbox", { name: "Comment text" }).fill(`Corrected remark ${email}`);
  await page.getByRole("button", { name: /^Save the edit/ }).click();
  await expect(page.getByText(`edit: “Before: ${body}”`, { exact: false })).toBeVisible();
  expect((await queryRows<{ body: string }>(`SELECT body FROM "Comment" WHERE id = $1`, [comment!.id]))[0]?.body).toBe(`Corrected remark ${email}`);

  // Deleting asks first: without the box ticked the browser holds the form back, and the server refuses it too.
  const confirmation = page.getByRole("checkbox", { name: /delete this comment for good/ });
  const before = page.url();
  await page.getByRole("button", { name: "Delete for good" }).click();
  expect(await confirmation.evaluate((box: HTMLInputElement) => box.validity.valueMissing)).toBe(true);
  await expect(page).toHaveURL(before);
  await confirmation.evaluate((box: HTMLInputElement) => (box.required = false));
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was deleted" })).toBeVisible();
  expect(await queryRows(`SELECT id FROM "Comment" WHERE id = $1`, [comment!.id])).toHaveLength(1);
  await confirmation.check();
  await page.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/admin\?deleted=1$/);
  expect(await queryRows(`SELECT id FROM "Comment" WHERE id = $1`, [comment!.id])).toHaveLength(0);
  expect(
    await queryRows(`SELECT id FROM "ModerationAction" WHERE action = 'delete' AND reason = $1`, [`Deleted comment ${comment!.id} by Ed Itor`]),
  ).toHaveLength(1);
});

test("a comment's own page approves, rejects with a reason or marks as spam, and refuses a stale decision", async ({ page, browser }) => {
  const email = uniqueEmail("decided");
  await postComment(await (await browser.newContext()).newPage(), ARTICLE, { body: `Decide on me ${email}`, name: "Dee Cision", email });
  const [comment] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" WHERE "authorEmail" = $1`, [email]);
  await signInAsModerator(page);
  const stale = await page.context().newPage();
  await stale.goto(`/admin/comments/${comment!.id}`);

  await page.goto(`/admin/comments/${comment!.id}`);
  const decide = page.getByRole("region", { name: "Decide" });
  await decide.getByLabel(/Reason for a rejection/).fill("Off topic for this story");
  await decide.getByRole("button", { name: "Reject" }).click();
  await expect(decide.getByRole("status")).toHaveText("Rejected.");
  await expect(page.getByText(/now rejected \(“Off topic for this story”\)/)).toBeVisible();
  // Rejected already: the page offers the other decisions only.
  await expect(decide.getByRole("button")).toHaveText(["Approve", "Mark as spam"]);
  const stored = async () =>
    (await queryRows<{ status: string; statusReason: string | null }>(`SELECT status, "statusReason" FROM "Comment" WHERE id = $1`, [comment!.id]))[0];
  expect(await stored()).toEqual({ status: "REJECTED", statusReason: "Off topic for this story" });

  // The page opened before the rejection still says "pending": its decision changes nothing.
  await stale.getByRole("region", { name: "Decide" }).getByRole("button", { name: "Approve" }).click();
  await expect(stale.getByRole("alert").filter({ hasText: "Nothing was changed" })).toBeVisible();
  expect((await stored())?.status).toBe("REJECTED");
});

test("each comment shows its sender's record; a selection and the r key reject with a common reason", async ({ page, browser }) => {
  const email = uniqueEmail("regular");
  const tag = email.split("@")[0]!;
  const writer = await (await browser.newContext()).newPage();
  for (const index of [1, 2, 3]) await postComment(writer, ARTICLE, { body: `Regular remark ${index} ${tag}`, name: "Reg Ular", email });
  await signInAsOwnModerator(page, "reasons-moderator");
  await page.goto(`/admin?q=${encodeURIComponent(tag)}`);
  const row = (index: number) => page.locator("ol > li", { hasText: `Regular remark ${index} ${tag}` });
  await expect(row(1).getByText("2 waiting", { exact: true })).toBeVisible();
  await row(1).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved. Press u to undo.");
  await expect(row(2).getByText("1 approved · 1 waiting", { exact: true })).toBeVisible();

  const reason = "It is off topic for this article.";
  await page.getByLabel("Reason for rejecting (and r)").selectOption(reason);
  await row(2).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Reject selected" }).click();
  await expect(page.getByRole("status")).toHaveText("Rejected. Press u to undo.");
  await expect(row(2)).toHaveCount(0);

  await row(3).focus();
  await page.keyboard.press("r");
  await expect(page.getByRole("status")).toHaveText("Rejected. Press u to undo.");
  await expect(row(3)).toHaveCount(0);
  const rows = await queryRows<{ status: string; statusReason: string | null }>(
    `SELECT status, "statusReason" FROM "Comment" WHERE "authorEmail" = $1 ORDER BY id`,
    [email],
  );
  expect(rows).toEqual([
    { status: "APPROVED", statusReason: null },
    { status: "REJECTED", statusReason: reason },
    { status: "REJECTED", statusReason: reason },
  ]);
});
