import { expect, test, type Page } from "@playwright/test";
import { createStaff, signInAsModerator } from "../helpers/e2e-actions";
import { queryRows } from "../helpers/e2e-db";

// The audit log, filtered through its plain GET form as an administrator would, with actions named in words.
function actionCells(page: Page) {
  return page.getByRole("region", { name: "Recorded actions" }).locator("tbody tr td:nth-child(3)");
}

test("filtering the audit log by action shows only that action, by its name", async ({ page }) => {
  const member = createStaff("audit-filter");
  await signInAsModerator(page);
  await page.goto("/admin/staff");
  await page.getByRole("button", { name: "Deactivate: Temporary audit-filter" }).click();
  await expect(page.getByRole("status")).toContainText("is deactivated and signed out everywhere.");

  await page.goto("/admin/audit");
  await page.getByRole("combobox", { name: "Action", exact: true }).selectOption({ label: "Deactivated a staff account" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]action=staff_deactivate(&|$)/);
  await expect(page.getByRole("row", { name: new RegExp(member.email) })).toContainText("Deactivated a staff account");
  const cells = await actionCells(page).allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  expect(new Set(cells)).toEqual(new Set(["Deactivated a staff account"]));
  // The form shows the filter it applied, and the raw code is nowhere on the page.
  await expect(page.getByRole("combobox", { name: "Action", exact: true })).toHaveValue("staff_deactivate");
  await expect(page.getByRole("main")).not.toContainText("staff_deactivate");
});

test("older actions keep the filters, and values the log does not understand are named and ignored", async ({ page }) => {
  const member = createStaff("audit-pages");
  const [row] = await queryRows<{ id: number }>(`SELECT id FROM "StaffUser" WHERE email = $1`, [member.email]);
  // More actions of one member than a page holds, written straight to the log.
  await queryRows(
    `INSERT INTO "ModerationAction" ("staffUserId", action, reason) SELECT $1, 'article_comments_close', 'page test ' || n FROM generate_series(1, 105) AS n`,
    [row!.id],
  );
  await signInAsModerator(page);
  await page.goto("/admin/audit");
  await page.getByRole("combobox", { name: "Who", exact: true }).selectOption({ label: "Temporary audit-pages" });
  await page.getByRole("combobox", { name: "Action", exact: true }).selectOption({ label: "Closed comments on an article" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(actionCells(page)).toHaveCount(100);
  await page.getByRole("link", { name: "Older actions" }).click();
  await expect(page).toHaveURL(new RegExp(`who=${row!.id}&action=article_comments_close&before=\\d+`));
  await expect(actionCells(page)).toHaveCount(5);
  await expect(page.getByRole("region", { name: "Recorded actions" })).toContainText("page test 1");
  await expect(page.getByRole("link", { name: "Older actions" })).toHaveCount(0);

  const response = await page.goto(`/admin/audit?who=${row!.id}&action=no_such_action&from=2026-02-30`);
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Choose an action from the list.");
  await expect(alert).toContainText("“From” must be a date such as 2026-03-01");
  // The filter it understood still applies.
  await expect(page.getByRole("combobox", { name: "Who", exact: true })).toHaveValue(String(row!.id));
  await expect(actionCells(page)).toHaveCount(100);
});
