import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAsModerator } from "../helpers/e2e-actions";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";

// axe-core against WCAG 2.2 A and AA rules: no serious or critical violation on the pages readers and
// moderators use most.
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

for (const [name, path] of [
  ["front page", "/"],
  ["section page", "/sections/international"],
  ["article page", SEED_ARTICLE_PATH],
  ["search results", "/search?q=ferry"],
  ["tag page", "/tags/transport"],
  ["author page", "/authors/priya-raman"],
  ["privacy page", "/privacy"],
  ["page to ask for one's comments", "/privacy/my-comments"],
  ["404 page for an address the site never had", "/no-such-page/at-all"],
  ["404 page for a missing article", "/articles/no-such-story"],
] as const) {
  test(`the ${name} has no serious or critical accessibility violation`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the moderation queue and its comment history have no serious or critical accessibility violation", async ({ page }) => {
  await signInAsModerator(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/admin/settings");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the article page works at 320 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(SEED_ARTICLE_PATH);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
