import { expect, test, type Browser } from "@playwright/test";
import { commentArticle, commentField, fillCommentForm, postComment, signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, uniqueEmail } from "../helpers/e2e-db";

const ARTICLE = "/articles/library-reopens-after-two-year-renovation";

// One moderator, signed in once, approves each comment from the queue.
async function moderatorQueue(browser: Browser) {
  const page = await (await browser.newContext()).newPage();
  await signInAsModerator(page);
  return async function approve(body: string) {
    await page.goto("/admin");
    await page.locator("li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
    await expect(page.locator("li", { hasText: body })).toHaveCount(0);
  };
}

test("a conversation three levels deep keeps its structure on the page", async ({ page, browser }) => {
  const tag = uniqueEmail("thread").split("@")[0]!;
  const bodies = [`Opening remark ${tag}`, `A reply ${tag}`, `A reply to the reply ${tag}`];
  const approve = await moderatorQueue(browser);
  await postComment(page, ARTICLE, { body: bodies[0]!, name: "First Voice", email: uniqueEmail("t1") });
  await approve(bodies[0]!);

  for (const [level, body] of bodies.slice(1).entries()) {
    await page.goto(ARTICLE);
    await commentArticle(page, bodies[level]!)
      .getByRole("link", { name: /^Reply to/ })
      .click();
    await expect(page.getByRole("heading", { name: /Leave a Reply to/ })).toBeVisible();
    await fillCommentForm(page, { body, name: `Voice ${level + 2}`, email: uniqueEmail(`t${level + 2}`) });
    await page.getByRole("button", { name: "Post Comment" }).click();
    await expect(commentArticle(page, body).getByText("Your comment is awaiting moderation.")).toBeVisible();
    await approve(body);
  }

  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(ARTICLE);
  const top = reader.locator("#comments > ol > li", { hasText: bodies[0]! });
  const second = top.locator(":scope > ol > li", { hasText: bodies[1]! });
  const third = second.locator(":scope > ol > li", { hasText: bodies[2]! });
  await expect(third).toHaveCount(1);
  await expect(third.locator("article")).toContainText("Voice 3");
});

test("a form sent twice stores one comment and both answers lead to it", async ({ page }) => {
  const email = uniqueEmail("double");
  const body = `Sent twice ${email.split("@")[0]}`;
  await page.goto(ARTICLE);
  await fillCommentForm(page, { body, name: "Double Clicker", email });
  await page.locator("form", { has: commentField(page, "Comment") }).evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(commentArticle(page, body).getByText("Your comment is awaiting moderation.")).toBeVisible();
  await expect.poll(async () => (await findCommentsByEmail(email)).length).toBe(1);
  await page.waitForTimeout(500);
  expect(await findCommentsByEmail(email)).toHaveLength(1);
});

test("errors are announced and focus goes to the first field to fix", async ({ page }) => {
  await page.goto(ARTICLE);
  await commentField(page, "Name").fill("Screen Reader User");
  await page.getByRole("button", { name: "Post Comment" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("Please correct your comment:Comment: Please write a comment");
  await expect(commentField(page, "Comment")).toBeFocused();
  await expect(commentField(page, "Comment")).toHaveAccessibleDescription("Please write a comment");
});
