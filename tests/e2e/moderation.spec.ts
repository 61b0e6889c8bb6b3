import { expect, test } from "@playwright/test";
import { commentField, createStaff, fillCommentForm, postComment, signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";

test("a moderator approves a held comment and every visitor sees it on the next request", async ({ browser }) => {
  const email = uniqueEmail("approve");
  const body = `Approve me ${email.split("@")[0]}`;

  const commenter = await browser.newContext();
  const commenterPage = await commenter.newPage();
  await commenterPage.goto(SEED_ARTICLE_PATH);
  await fillCommentForm(commenterPage, { body, name: "Alex Harbor", email });
  await commenterPage.getByRole("button", { name: "Post Comment" }).click();
  await expect(commenterPage.getByText("Your comment is awaiting moderation.")).toBeVisible();

  // A visitor loads the page first, so the approved comments are in the cache before approval.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(SEED_ARTICLE_PATH);
  await expect(visitorPage.getByText(body)).toHaveCount(0);
  // Looked at again, the page comes from Next.js's page cache, so the reload after the approval shows that the
  // approval expired it.
  await expect.poll(async () => (await visitorPage.reload())?.headers()["x-nextjs-cache"]).toBe("HIT");

  const moderator = await browser.newContext();
  const moderatorPage = await moderator.newPage();
  await signInAsModerator(moderatorPage);
  const item = moderatorPage.locator("li", { hasText: body });
  await expect(item.getByText(email)).toBeVisible();
  await expect(item.getByText("Every new comment is held for review")).toBeVisible();
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(moderatorPage.locator("li", { hasText: body })).toHaveCount(0);

  const [stored] = await findCommentsByEmail(email);
  expect(stored?.status).toBe("APPROVED");
  const audit = await queryRows<{ action: string; fromStatus: string; toStatus: string }>(
    `SELECT action, "fromStatus", "toStatus" FROM "ModerationAction" WHERE "commentId" = $1`,
    [stored!.id],
  );
  expect(audit).toEqual([{ action: "approve", fromStatus: "PENDING", toStatus: "APPROVED" }]);

  await visitorPage.reload();
  const shown = visitorPage.locator(`#comment-${stored!.id}`);
  await expect(shown).toContainText(body);
  await expect(shown.getByText("awaiting moderation")).toHaveCount(0);
  await expect(visitorPage.getByText(email)).toHaveCount(0);

  await Promise.all([commenter.close(), visitor.close(), moderator.close()]);
});

test("a moderator's second action on a comment another moderator handled is refused with an explanation", async ({ browser }) => {
  const email = uniqueEmail("race");
  const body = `Contested ${email.split("@")[0]}`;
  const page = await (await browser.newContext()).newPage();
  await page.goto(SEED_ARTICLE_PATH);
  await fillCommentForm(page, { body, name: "Casey Race", email });
  await page.getByRole("button", { name: "Post Comment" }).click();
  await expect(page.getByText("Your comment is awaiting moderation.")).toBeVisible();

  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInAsModerator(first);
  await signInAsModerator(second);
  await first.locator("li", { hasText: body }).getByRole("button", { name: "Spam" }).click();
  await expect(first.locator("li", { hasText: body })).toHaveCount(0);

  await second.locator("li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
  await expect(second.getByRole("status")).toHaveText(/Another moderator acted on this comment first\. It is now spam\./);
  const [stored] = await findCommentsByEmail(email);
  expect(stored?.status).toBe("SPAM");
});

test("the queue is refused to visitors who are not signed in", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test("a wrong password gets one calm message", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email", { exact: true }).fill("nobody@example.com");
  await page.getByLabel("Password", { exact: true }).fill("wrong-password-123");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText("The email or password is incorrect.");
});

test("a moderator deactivated during a session is refused on the very next action", async ({ browser }) => {
  const staff = createStaff("staff");
  const body = `Still waiting ${staff.email.split("@")[0]}`;
  await postComment(await (await browser.newContext()).newPage(), SEED_ARTICLE_PATH, { body, name: "Jo Wait", email: uniqueEmail("wait") });

  const page = await (await browser.newContext()).newPage();
  await signInAsModerator(page, staff);
  await queryRows(`UPDATE "StaffUser" SET active = false WHERE email = $1`, [staff.email]);
  await page.locator("li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  const [comment] = await queryRows<{ status: string }>(`SELECT status FROM "Comment" WHERE body = $1`, [body]);
  expect(comment?.status).toBe("PENDING");

  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});

test("signing out ends the session, even for a copy of its cookie", async ({ browser, request }) => {
  const staff = createStaff("signout");
  const page = await (await browser.newContext()).newPage();
  await signInAsModerator(page, staff);
  const cookie = (await page.context().cookies()).find((c) => c.name.includes("session-token"))!;
  const copied = { cookie: `${cookie.name}=${cookie.value}` };
  expect((await request.get("/admin", { headers: copied, maxRedirects: 0 })).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  const after = await request.get("/admin", { headers: copied, maxRedirects: 0 });
  expect(after.status()).toBe(307);
  expect(after.headers().location).toContain("/admin/sign-in");
});

test("after five wrong passwords an account takes no password at all for a while, with the same message", async ({ page }) => {
  const staff = createStaff("guessed");
  await page.goto("/admin/sign-in");
  const attempt = async (password: string) => {
    await commentField(page, "Email").fill(staff.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("The email or password is incorrect.");
  };
  for (let guess = 1; guess <= 5; guess += 1) await attempt(`wrong-guess-${guess}`);
  await attempt(staff.password);
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});
