import { expect, test, type Page } from "@playwright/test";
import { createStaff, signInAsModerator } from "../helpers/e2e-actions";

// The console's navigation: on every signed-in staff page, the current page marked, administrators' pages offered
// to administrators only, and nothing of it on the sign-in page.
function consoleNav(page: Page) {
  return page.getByRole("navigation", { name: "Console" });
}

async function expectCurrent(page: Page, label: string) {
  await expect(consoleNav(page).locator('[aria-current="page"]')).toHaveText([label]);
}

test("an administrator finds every console page in the navigation, the current one marked", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await expect(consoleNav(page)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "View site" })).toBeVisible();

  // An administrator of its own: signing out ends every session of the account.
  await signInAsModerator(page, createStaff("nav-admin", "ADMIN"));
  const nav = consoleNav(page);
  await expect(nav.getByRole("link")).toHaveText(["Queue", "Settings", "Articles", "Sections & topics", "Staff", "Audit log", "Your account", "View site"]);
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectCurrent(page, "Queue");

  for (const [label, heading] of [
    ["Settings", "Comment settings"],
    ["Articles", "Articles"],
    ["Sections & topics", "Sections, topics and authors"],
    ["Staff", "Staff"],
    ["Audit log", "Audit log"],
    ["Your account", "Your account"],
    ["Queue", "Comments"],
  ] as const) {
    await nav.getByRole("link", { name: label, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expectCurrent(page, label);
  }
  // The page's own links back to the queue are gone: the navigation is the way there.
  await page.goto("/admin/settings");
  await expect(page.getByRole("main").getByRole("link", { name: /Back to the queue/ })).toHaveCount(0);

  await nav.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await expect(consoleNav(page)).toHaveCount(0);
});

test("a moderator is offered no administrators' pages, and loses the navigation with the session", async ({ page }) => {
  const moderator = createStaff("nav-moderator");
  await signInAsModerator(page, moderator);
  await expect(consoleNav(page).getByRole("link")).toHaveText(["Queue", "Settings", "Your account", "View site"]);
  await expectCurrent(page, "Queue");

  await consoleNav(page).getByRole("link", { name: "Your account" }).click();
  await expectCurrent(page, "Your account");
  // A changed password ends this session too, and the answer is the sign-in page: without the console's links.
  const newPassword = `${moderator.password}-changed`;
  await page.getByLabel("Current password").fill(moderator.password);
  await page.getByLabel("New password (at least 12 characters)").fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change my password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();
  await expect(consoleNav(page)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "View site" })).toBeVisible();
});
