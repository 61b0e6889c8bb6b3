import { expect, test, type Locator, type Page } from "@playwright/test";
import { commentArticle, commentField, fillCommentForm } from "../helpers/e2e-actions";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";

// The comment form is reached from the top of an article in a few keys, past the thread, and a first comment on an
// article without any is counted apart, under a heading that does not claim there are none.

// Tab until the element has the focus; the number of Tabs it took.
async function tabTo(page: Page, target: Locator, most: number): Promise<number> {
  for (let tabs = 1; tabs <= most; tabs += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return tabs;
  }
  throw new Error(`not reached in ${most} Tabs`);
}

test("a keyboard user goes from the top of a commented article to the comment form past the whole thread", async ({ page }) => {
  await page.goto(SEED_ARTICLE_PATH);
  // The seed article has a page of comments, each with its own links, between its header and the form.
  expect(await page.locator('article[id^="comment-"] a').count()).toBeGreaterThan(10);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  const leave = page.getByRole("link", { name: "Leave a comment" });
  const tabs = await tabTo(page, leave, 10);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#respond$/);
  // Past the form's one link (what is kept of an address, and for how long).
  const toField = await tabTo(page, commentField(page, "Comment"), 2);
  test.info().annotations.push({ type: "keys", description: `Tab, Enter, ${tabs} × Tab, Enter, ${toField} × Tab` });
});

test("an article without comments offers to comment, and a first comment is counted apart for its author", async ({ page }) => {
  const stamp = Date.now();
  // In a section of its own and published long ago: no other test's page leads with it or relates it to a story.
  await queryRows(
    `INSERT INTO "Section" (slug, name, description, position) VALUES ('quiet-e2e', 'Quiet', 'Stories nobody comments on.', 98) ON CONFLICT (slug) DO NOTHING`,
  );
  const slug = `quiet-harbour-story-${stamp}`;
  await queryRows(
    `INSERT INTO "Article" (slug, headline, dek, body, "sectionId", status, "publishedAt")
     VALUES ($1, $2, 'Nobody has commented yet.', $3::jsonb, (SELECT id FROM "Section" WHERE slug = 'quiet-e2e'), 'PUBLISHED', timestamptz '2019-06-01 12:00Z')`,
    [slug, `Quiet harbour story ${stamp}`, JSON.stringify([{ type: "paragraph", text: "A story without comments." }])],
  );
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole("heading", { name: "No comments yet", level: 2 })).toBeVisible();
  await page.getByRole("link", { name: "Click to comment" }).click();
  await expect(page).toHaveURL(/#respond$/);
  await tabTo(page, commentField(page, "Comment"), 2);

  const body = `The first word on it ${stamp}`;
  await fillCommentForm(page, { body, name: "First Reader", email: uniqueEmail("first") });
  await page.getByRole("button", { name: "Post Comment" }).click();
  await expect(commentArticle(page, body).getByText("Your comment is awaiting moderation.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "No published comments yet · 1 of yours not yet published" })).toBeVisible();
  await expect(page.getByText("No comments yet", { exact: true })).toHaveCount(0);
});
