import { expect, test } from "@playwright/test";
import { createStaff, postComment, signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";
import { capture, expectRefusedEverywhere, replay } from "../helpers/e2e-replay";

async function pendingComment(browser: import("@playwright/test").Browser, label: string) {
  const email = uniqueEmail(label);
  const body = `Authorization probe ${email.split("@")[0]}`;
  await postComment(await (await browser.newContext()).newPage(), SEED_ARTICLE_PATH, { body, name: "Ivy Probe", email });
  return { email, body };
}

test("approving needs a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  const { email, body } = await pendingComment(browser, "authz-approve");
  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  const captured = await capture(page, () => page.locator("ol > li", { hasText: body }).getByRole("button", { name: "Approve" }).click());
  const status = async () => (await findCommentsByEmail(email))[0]?.status;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await status()).toBe("PENDING"));
  expect((await replay(baseURL!, captured, real, baseURL!)).status).toBe(200);
  expect(await status()).toBe("APPROVED");
});

test("deciding on a comment's own page needs a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  const { email } = await pendingComment(browser, "authz-decide");
  const [comment] = await findCommentsByEmail(email);
  await signInAsModerator(page);
  await page.goto(`/admin/comments/${comment!.id}`);
  const captured = await capture(page, () => page.getByRole("region", { name: "Decide" }).getByRole("button", { name: "Mark as spam" }).click());
  const status = async () => (await findCommentsByEmail(email))[0]?.status;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await status()).toBe("PENDING"));
  await replay(baseURL!, captured, real, baseURL!);
  expect(await status()).toBe("SPAM");
});

test("replying as staff needs a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  const { body } = await pendingComment(browser, "authz-reply");
  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  const item = page.locator("ol > li", { hasText: body });
  await item.getByText("Reply as staff").click();
  await item.getByRole("textbox", { name: /^Staff reply to/ }).fill(`Staff answer to ${body}`);
  const captured = await capture(page, () => item.getByRole("button", { name: "Approve and publish reply" }).click());
  const replies = async () => (await queryRows(`SELECT id FROM "Comment" WHERE body = $1`, [`Staff answer to ${body}`])).length;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await replies()).toBe(0));
  await replay(baseURL!, captured, real, baseURL!);
  expect(await replies()).toBe(1);
});

test("blocking a sender needs a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  const { email } = await pendingComment(browser, "authz-block");
  await signInAsModerator(page);
  const [comment] = await findCommentsByEmail(email);
  await page.goto(`/admin/comments/${comment!.id}`);
  const captured = await capture(page, () => page.getByRole("button", { name: "Block" }).click());
  const blocks = async () => (await queryRows(`SELECT id FROM "Block" WHERE value = $1`, [email])).length;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await blocks()).toBe(0));
  await replay(baseURL!, captured, real, baseURL!);
  expect(await blocks()).toBe(1);
});

test("staff pages send everyone without a valid session to sign in", async ({ request }) => {
  const [comment] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" ORDER BY id LIMIT 1`);
  for (const path of ["/admin", "/admin?status=SPAM", `/admin/comments/${comment!.id}`, "/admin/settings", "/admin/staff", "/admin/account", "/admin/audit"]) {
    for (const cookie of [undefined, "pending_comments=abc.def", "next-auth.session-token=forged.token.value"]) {
      const response = await request.get(path, { headers: cookie ? { cookie } : {}, maxRedirects: 0 });
      expect(response.status(), `${path} with ${cookie}`).toBe(307);
      expect(response.headers().location).toContain("/admin/sign-in");
      expect(await response.text()).not.toContain("@example.");
    }
  }
});

test("undo needs a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  // A moderator of its own, so that undo can only ever reach this test's decision.
  const staff = createStaff("authz-undo");
  const { email, body } = await pendingComment(browser, "authz-undo");
  await signInAsModerator(page, staff);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  await page.locator("ol > li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved. Press u to undo.");
  const captured = await capture(page, () => page.getByRole("button", { name: "Undo last action" }).click());
  const status = async () => (await findCommentsByEmail(email))[0]?.status;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await status()).toBe("APPROVED"));
  await replay(baseURL!, captured, real, baseURL!);
  expect(await status()).toBe("PENDING");
});

test("managing staff needs an administrator's session from the site's own origin", async ({ page, baseURL }) => {
  const email = uniqueEmail("authz-staff");
  await signInAsModerator(page);
  await page.goto("/admin/staff");
  await page.getByLabel("Name").fill("Probe Account");
  await page.getByLabel("Email").fill(email);
  const captured = await capture(page, () => page.getByRole("button", { name: "Create the account" }).click());
  const accounts = async () => (await queryRows(`SELECT id FROM "StaffUser" WHERE email = $1`, [email])).length;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await accounts()).toBe(0));

  // A moderator's valid session is not enough either.
  const moderator = createStaff("authz-staff-moderator");
  const moderatorPage = await (await page.context().browser()!.newContext()).newPage();
  await signInAsModerator(moderatorPage, moderator);
  const moderatorSession = (await moderatorPage.context().cookies()).find((cookie) => cookie.name.includes("session-token"))!;
  await replay(baseURL!, captured, `${moderatorSession.name}=${moderatorSession.value}`, baseURL!);
  expect(await accounts()).toBe(0);

  await replay(baseURL!, captured, real, baseURL!);
  expect(await accounts()).toBe(1);
});

test("editing and deleting a comment need a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  const { email } = await pendingComment(browser, "authz-edit");
  const [comment] = await findCommentsByEmail(email);
  await signInAsModerator(page);
  await page.goto(`/admin/comments/${comment!.id}`);
  await page.getByRole("textbox", { name: "Comment text" }).fill(`Edited by a probe ${email}`);
  const edit = await capture(page, () => page.getByRole("button", { name: /^Save the edit/ }).click());
  const body = async () => (await findCommentsByEmail(email))[0]?.body;
  const real = await expectRefusedEverywhere(page, baseURL!, edit, async () => expect(await body()).toBe(comment!.body));
  await replay(baseURL!, edit, real, baseURL!);
  expect(await body()).toBe(`Edited by a probe ${email}`);

  await page.goto(`/admin/comments/${comment!.id}`);
  await page.getByRole("checkbox", { name: /delete this comment for good/ }).check();
  const remove = await capture(page, () => page.getByRole("button", { name: "Delete for good" }).click());
  await expectRefusedEverywhere(page, baseURL!, remove, async () => expect(await findCommentsByEmail(email)).toHaveLength(1));
  await replay(baseURL!, remove, real, baseURL!);
  expect(await findCommentsByEmail(email)).toHaveLength(0);
});

test("changing one's mail preference needs a valid staff session from the site's own origin", async ({ page, baseURL }) => {
  const staff = createStaff("authz-account");
  await signInAsModerator(page, staff);
  await page.goto("/admin/account");
  await page.getByLabel(/^A digest every day/).check();
  const captured = await capture(page, () => page.getByRole("button", { name: "Save" }).click());
  const choice = async () =>
    (await queryRows<{ moderatorMail: string }>(`SELECT "moderatorMail" FROM "StaffUser" WHERE email = $1`, [staff.email]))[0]?.moderatorMail;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await choice()).toBe("OFF"));
  await replay(baseURL!, captured, real, baseURL!);
  expect(await choice()).toBe("DAILY");
});

test("writers and editors are kept out of the comment console, and a replayed moderation action is refused them", async ({ page, browser, baseURL }) => {
  const { email, body } = await pendingComment(browser, "authz-newsroom");
  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  const captured = await capture(page, () => page.locator("ol > li", { hasText: body }).getByRole("button", { name: "Approve" }).click());
  const status = async () => (await findCommentsByEmail(email))[0]?.status;

  for (const role of ["WRITER", "EDITOR"] as const) {
    const member = createStaff(`authz-${role.toLowerCase()}`, role);
    const newsroom = await (await browser.newContext()).newPage();
    await newsroom.goto("/admin");
    await newsroom.getByRole("textbox", { name: "Email", exact: true }).fill(member.email);
    await newsroom.getByLabel("Password").fill(member.password);
    await newsroom.getByRole("button", { name: "Sign in" }).click();
    // The queue is not theirs: they land on their own page, and the console offers them neither queue nor settings.
    await expect(newsroom.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
    const nav = newsroom.getByRole("navigation", { name: "Console" });
    await expect(nav.getByRole("link", { name: "Your account" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Queue" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
    await expect(newsroom.getByText("Email me about comments waiting for review")).toHaveCount(0);
    await newsroom.goto(`/admin/comments/1`);
    await expect(newsroom).toHaveURL(/\/admin\/account$/);

    const session = (await newsroom.context().cookies()).find((cookie) => cookie.name.includes("session-token"))!;
    const answer = await replay(baseURL!, captured, `${session.name}=${session.value}`, baseURL!);
    expect(answer.status).toBe(200);
    expect(await status()).toBe("PENDING");
    await newsroom.context().close();
  }
  // The same request with a moderator's session goes through: the refusals above were the role's.
  const moderator = (await page.context().cookies()).find((cookie) => cookie.name.includes("session-token"))!;
  await replay(baseURL!, captured, `${moderator.name}=${moderator.value}`, baseURL!);
  expect(await status()).toBe("APPROVED");
});
