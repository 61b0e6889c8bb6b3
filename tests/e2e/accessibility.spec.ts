import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signInAsModerator } from "../helpers/e2e-actions";
import { queryRows } from "../helpers/e2e-db";
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

// WCAG 1.4.10 (reflow): at 320 CSS px nothing may need scrolling sideways. Each page is listed with the elements
// wider than the window, so a failure says what to fix.
async function overflowAt320(page: Page, path: string) {
  await page.goto(path);
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    // Inside a box that scrolls on its own (a wide table), an element may be wider without being to blame.
    const scrollsOnItsOwn = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !scrollsOnItsOwn(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} (${Math.round(element.getBoundingClientRect().right)} px)`);
    // The page scrolls sideways: that fails, whether or not an element outside a scrolling box is to blame.
    return culprits.length > 0 ? culprits : [`the page is ${document.documentElement.scrollWidth} px wide`];
  });
}

test("every reader's page works at 320 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const [approved] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" WHERE status = 'APPROVED' ORDER BY id LIMIT 1`);
  const paths = [
    "/",
    "/sections/international",
    SEED_ARTICLE_PATH,
    `${SEED_ARTICLE_PATH}?corder=newest`,
    "/tags/transport",
    "/authors/priya-raman",
    "/search?q=ferry",
    "/privacy",
    "/privacy/my-comments",
    "/about",
    "/contact",
    "/corrections",
    "/masthead",
    "/no-such-page",
    `/comments/${approved!.id}/report`,
  ];
  const overflowing: Record<string, string[]> = {};
  for (const path of paths) {
    const wide = await overflowAt320(page, path);
    if (wide.length > 0) overflowing[path] = wide;
  }
  expect(overflowing).toEqual({});
});

test("every staff page works at 320 px without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await overflowAt320(page, "/admin/sign-in")).toEqual([]);
  await signInAsModerator(page);
  const [comment] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" ORDER BY id LIMIT 1`);
  const overflowing: Record<string, string[]> = {};
  for (const path of [
    "/admin",
    "/admin?status=APPROVED",
    `/admin/comments/${comment!.id}`,
    "/admin/settings",
    "/admin/staff",
    "/admin/audit",
    "/admin/account",
  ]) {
    const wide = await overflowAt320(page, path);
    if (wide.length > 0) overflowing[path] = wide;
  }
  expect(overflowing).toEqual({});
});
