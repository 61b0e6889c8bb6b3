import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAsModerator } from "../helpers/e2e-actions";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";

// The administrators' staff page, driven as an administrator would, with the new member signing in elsewhere.
async function createOnStaffPage(admin: Page, role: "Moderator" | "Administrator") {
  const email = uniqueEmail("newstaff");
  const name = `New ${email.split("@")[0]}`;
  await admin.goto("/admin/staff");
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("Email").fill(email);
  // The new member's role; each row's own menu is named "Role of <name>".
  await admin.getByRole("combobox", { name: /^Role(?! of)/ }).selectOption(role === "Moderator" ? "MODERATOR" : "ADMIN");
  await admin.getByRole("button", { name: "Create the account" }).click();
  await expect(admin.getByRole("status")).toContainText(`Account created for ${name}`);
  const password = (await admin.getByRole("status").locator("code").textContent())!;
  expect(password).toMatch(/^[\w-]{24}$/);
  return { email, name, password };
}

async function signedIn(browser: Browser, credentials: { email: string; password: string }) {
  const page = await (await browser.newContext()).newPage();
  await signInAsModerator(page, credentials);
  return page;
}

test("an administrator adds a moderator, who signs in with the temporary password", async ({ page, browser }) => {
  await signInAsModerator(page);
  const member = await createOnStaffPage(page, "Moderator");
  await expect(page.getByRole("row", { name: new RegExp(member.name) })).toContainText("Moderator");
  const [stored] = await queryRows<{ role: string; passwordHash: string }>(`SELECT role, "passwordHash" FROM "StaffUser" WHERE email = $1`, [member.email]);
  expect(stored?.role).toBe("MODERATOR");
  expect(stored?.passwordHash).not.toContain(member.password);

  const moderator = await signedIn(browser, member);
  // Moderators do not manage staff: no link, no page, and the action refuses them.
  await expect(moderator.getByRole("link", { name: "Staff" })).toHaveCount(0);
  await moderator.goto("/admin/staff");
  await expect(moderator.getByText("Only administrators can manage staff accounts.")).toBeVisible();

  const [audit] = await queryRows<{ reason: string }>(`SELECT reason FROM "ModerationAction" WHERE action = 'staff_create' AND reason LIKE $1`, [
    `%${member.email}%`,
  ]);
  expect(audit?.reason).toContain("as moderator");
});

test("a new role, a reset password and a deactivation each end the member's open session", async ({ page, browser }) => {
  await signInAsModerator(page);
  const member = await createOnStaffPage(page, "Moderator");
  const row = () => page.getByRole("row", { name: new RegExp(member.name) });

  let moderator = await signedIn(browser, member);
  await row()
    .getByRole("combobox", { name: /^Role of/ })
    .selectOption("ADMIN");
  await row()
    .getByRole("button", { name: /^Change role/ })
    .click();
  await expect(page.getByRole("status")).toContainText(`${member.name} is now an administrator.`);
  await moderator.goto("/admin");
  await expect(moderator).toHaveURL(/\/admin\/sign-in/);

  moderator = await signedIn(browser, member);
  await expect(moderator.getByRole("link", { name: "Staff" })).toBeVisible();
  await row()
    .getByRole("button", { name: /^Reset password/ })
    .click();
  await expect(page.getByRole("status")).toContainText(`New password for ${member.name}`);
  const newPassword = (await page.getByRole("status").locator("code").textContent())!;
  await moderator.goto("/admin");
  await expect(moderator).toHaveURL(/\/admin\/sign-in/);

  moderator = await signedIn(browser, { email: member.email, password: newPassword });
  await row()
    .getByRole("button", { name: /^Deactivate/ })
    .click();
  await expect(page.getByRole("status")).toContainText(`${member.name} is deactivated and signed out everywhere.`);
  await expect(row()).toContainText("Deactivated");
  await moderator.goto("/admin");
  await expect(moderator).toHaveURL(/\/admin\/sign-in/);

  const actions = await queryRows<{ action: string }>(`SELECT action FROM "ModerationAction" WHERE reason LIKE $1 ORDER BY id`, [`%${member.email}%`]);
  expect(actions.map((action) => action.action)).toEqual(["staff_create", "staff_role", "staff_password_reset", "staff_deactivate"]);
});

test("an administrator cannot change their own account or add an address twice", async ({ page }) => {
  await signInAsModerator(page);
  const member = await createOnStaffPage(page, "Moderator");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(member.email.toUpperCase());
  await page.getByRole("button", { name: "Create the account" }).click();
  await expect(page.getByRole("status")).toHaveText(`There is already an account for ${member.email}.`);
  await expect(page.getByRole("row").filter({ hasText: "You" }).getByRole("button")).toHaveCount(0);

  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Create the account" }).click();
  // The browser's own check stops it before it is sent; nothing is stored either way.
  expect(await queryRows(`SELECT id FROM "StaffUser" WHERE email = 'not an address'`)).toHaveLength(0);
});

test("a new member replaces the temporary password, which signs them out everywhere", async ({ page, browser }) => {
  await signInAsModerator(page);
  const member = await createOnStaffPage(page, "Moderator");
  const other = await signedIn(browser, member);
  const self = await signedIn(browser, member);
  await self.goto("/admin/account");
  const newPassword = `${member.password}-changed`;
  await self.getByLabel("Current password").fill("not the password at all");
  await self.getByLabel("New password (at least 12 characters)").fill(newPassword);
  await self.getByLabel("New password again").fill(newPassword);
  await self.getByRole("button", { name: "Change my password" }).click();
  await expect(self.locator("form [role=alert]")).toHaveText("The current password is not right.");

  await self.getByLabel("Current password").fill(member.password);
  await self.getByLabel("New password (at least 12 characters)").fill(newPassword);
  await self.getByLabel("New password again").fill(newPassword);
  await self.getByRole("button", { name: "Change my password" }).click();
  await expect(self.getByText("Your password is changed")).toBeVisible();
  await other.goto("/admin");
  await expect(other).toHaveURL(/\/admin\/sign-in/);
  await signInAsModerator(self, { email: member.email, password: newPassword });
});
