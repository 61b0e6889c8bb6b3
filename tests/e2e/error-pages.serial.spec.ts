import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { signInAsModerator } from "../helpers/e2e-actions";
import { e2eEnv } from "../helpers/e2e-env";
import { seriousViolations, sidewaysOverflow } from "../helpers/page-checks";

// A page that fails for real: another connection holds the table it reads (a migration, say) longer than the
// server's lock timeout, so the page's query gives up and the segment's error page is shown. Serial, because every
// other page that reads the table would wait meanwhile.

async function whileLocked<T>(table: string, work: () => Promise<T>): Promise<T> {
  const locker = new pg.Client({ connectionString: e2eEnv.databaseUrl() });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    await locker.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
    return await work();
  } finally {
    await locker.query("ROLLBACK");
    await locker.end();
  }
}

async function expectErrorPage(page: Page, wayOn: string) {
  await expect(page.getByRole("heading", { name: "This page could not be shown", level: 1 })).toBeVisible();
  await expect(page.getByText(/^Reference for the server log: \w+/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByRole("link", { name: wayOn })).toBeVisible();
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme, viewport: { width: 320, height: 800 } });

    test("a reader's page that fails shows the site's error page, accessible and within 320 px", async ({ page }) => {
      await whileLocked("Article", async () => {
        await page.goto("/search?q=ferry");
        await expectErrorPage(page, "Go to the front page");
        // Inside the site's frame, with a search to go on with.
        await expect(page.getByRole("banner").getByRole("navigation", { name: "Sections" })).toBeVisible();
        await expect(page.getByRole("searchbox", { name: "Search the site" })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        expect(await sidewaysOverflow(page)).toEqual([]);
      });
      // Once the table is free, "Try again" fetches the page again and shows it.
      await page.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByRole("heading", { name: "Search", level: 1 })).toBeVisible();
      await expect(page.getByRole("heading", { name: "This page could not be shown" })).toHaveCount(0);
    });

    test("a staff page that fails shows the console's error page, accessible and within 320 px", async ({ page }) => {
      await signInAsModerator(page);
      await whileLocked("ModerationAction", async () => {
        await page.goto("/admin/audit");
        await expectErrorPage(page, "Back to the queue");
        await expect(page.getByRole("navigation", { name: "Console" })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        expect(await sidewaysOverflow(page)).toEqual([]);
      });
    });
  });
}
