import { expect, test, type Page } from "@playwright/test";
import { postComment, signInAsModerator } from "../helpers/e2e-actions";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";
import { seriousViolations, sidewaysOverflow } from "../helpers/page-checks";

// Every page in both colour schemes: the dark one (app/globals.css) has to keep the same contrast.
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test("the pages are seen in that scheme", async ({ page }) => {
      await page.goto("/");
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background === "rgb(255, 255, 255)").toBe(colorScheme === "light");
    });

    for (const [name, path] of [
      ["front page", "/"],
      ["section page", "/sections/international"],
      ["article page", SEED_ARTICLE_PATH],
      ["search results", "/search?q=ferry"],
      ["tag page", "/tags/transport"],
      ["author page", "/authors/priya-raman"],
      ["About page", "/about"],
      ["Contact page", "/contact"],
      ["Corrections page", "/corrections"],
      ["Masthead page", "/masthead"],
      ["privacy page", "/privacy"],
      ["page to ask for one's comments", "/privacy/my-comments"],
      ["page a comment's status link without its token leads to", "/comments/status"],
      ["404 page for an address the site never had", "/no-such-page/at-all"],
      ["404 page for a missing article", "/articles/no-such-story"],
      ["staff sign-in page", "/admin/sign-in"],
    ] as const) {
      test(`the ${name} has no serious or critical accessibility violation`, async ({ page }) => {
        await page.goto(path);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("the form to report a comment has no serious or critical accessibility violation", async ({ page }) => {
      const [approved] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" WHERE status = 'APPROVED' ORDER BY id LIMIT 1`);
      await page.goto(`/comments/${approved!.id}/report`);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("a comment awaiting moderation, as its author sees it, has no serious or critical accessibility violation", async ({ page }) => {
      await postComment(page, SEED_ARTICLE_PATH, {
        body: `Seen in the ${colorScheme} scheme ${Date.now()}`,
        name: "Ada Contrast",
        email: uniqueEmail("contrast"),
      });
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("every staff page has no serious or critical accessibility violation", async ({ browser, page }) => {
      // Eleven pages, each scanned whole: more time than a test of one page.
      test.setTimeout(120_000);
      // A waiting comment, so the queue shows a row (the first one selected).
      const body = `Waiting in the ${colorScheme} scheme ${Date.now()}`;
      await postComment(await (await browser.newContext()).newPage(), SEED_ARTICLE_PATH, { body, name: "Ada Queue", email: uniqueEmail("queue") });
      await signInAsModerator(page);
      const [comment] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" ORDER BY id LIMIT 1`);
      const violations: Record<string, string[]> = {};
      const [article] = await queryRows<{ id: number }>(`SELECT id FROM "Article" WHERE slug = $1`, [SEED_ARTICLE_PATH.split("/").pop()]);
      for (const path of staffPages(comment!.id, article!.id)) {
        await page.goto(path);
        const found = await seriousViolations(page);
        if (found.length > 0) violations[path] = found;
      }
      expect(violations).toEqual({});
    });
  });
}

// Every kind of staff page, with a comment and an article to open.
function staffPages(commentId: number, articleId: number): string[] {
  return [
    "/admin",
    `/admin/comments/${commentId}`,
    "/admin/settings",
    "/admin/staff",
    "/admin/audit",
    "/admin/account",
    "/admin/articles",
    "/admin/articles/new",
    `/admin/articles/${articleId}`,
    `/admin/articles/${articleId}/revisions`,
    "/admin/newsroom",
  ];
}

// WCAG 1.4.10 (reflow): at 320 CSS px nothing may need scrolling sideways.
async function overflowAt320(page: Page, path: string) {
  await page.goto(path);
  return sidewaysOverflow(page);
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
    "/articles/no-such-story",
    "/comments/status",
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
  const [article] = await queryRows<{ id: number }>(`SELECT id FROM "Article" WHERE slug = $1`, [SEED_ARTICLE_PATH.split("/").pop()]);
  const overflowing: Record<string, string[]> = {};
  for (const path of ["/admin?status=APPROVED", ...staffPages(comment!.id, article!.id)]) {
    const wide = await overflowAt320(page, path);
    if (wide.length > 0) overflowing[path] = wide;
  }
  expect(overflowing).toEqual({});
});
