import { expect, test } from "@playwright/test";
import { signInAsModerator } from "../helpers/e2e-actions";
import { queryRows } from "../helpers/e2e-db";

const RETENTION = `SELECT "fingerprintRetentionDays", "rejectedRetentionDays", "unconfirmedRetentionDays" FROM "SiteSettings" WHERE id = 1`;

test.afterAll(() =>
  queryRows(`UPDATE "SiteSettings" SET "fingerprintRetentionDays" = 30, "rejectedRetentionDays" = 90, "unconfirmedRetentionDays" = 7 WHERE id = 1`),
);

test("the privacy page states the retention periods saved on the settings page, and a period too short is refused", async ({ page, browser }) => {
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto("/");
  await reader.getByRole("contentinfo").getByRole("link", { name: "Privacy: what we keep about commenters" }).click();
  await expect(reader.getByRole("row", { name: /fingerprint of your internet address/ })).toContainText("30 days, then removed");
  await expect(reader.getByText("marks as spam are deleted 90 days after that decision")).toBeVisible();
  await expect(reader.getByText(/never confirmed .* are deleted 7 days after/)).toBeVisible();

  await signInAsModerator(page);
  await page.goto("/admin/settings");
  await page.getByLabel(/Days to keep comments whose email address was never confirmed/).fill("1");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("unconfirmedRetentionDays: Must be at least 2 days");
  expect(await queryRows(RETENTION)).toEqual([{ fingerprintRetentionDays: 30, rejectedRetentionDays: 90, unconfirmedRetentionDays: 7 }]);

  await page.getByLabel(/Days to keep comments whose email address was never confirmed/).fill("3");
  await page.getByLabel("Days to keep senders' client fingerprints").fill("14");
  await page.getByLabel(/Days to keep rejected and spam comments/).fill("60");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: fingerprintRetentionDays, rejectedRetentionDays, unconfirmedRetentionDays.");
  expect(await queryRows(RETENTION)).toEqual([{ fingerprintRetentionDays: 14, rejectedRetentionDays: 60, unconfirmedRetentionDays: 3 }]);

  await reader.reload();
  await expect(reader.getByRole("row", { name: /fingerprint of your internet address/ })).toContainText("14 days, then removed");
  await expect(reader.getByText("marks as spam are deleted 60 days after that decision")).toBeVisible();
  await expect(reader.getByText(/never confirmed .* are deleted 3 days after/)).toBeVisible();
  await expect(reader.getByRole("main").getByRole("link", { name: "your comments", exact: true })).toHaveAttribute("href", "/privacy/my-comments");
});
