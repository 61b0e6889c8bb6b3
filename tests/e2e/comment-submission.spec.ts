import { expect, test } from "@playwright/test";
import { PENDING_COOKIE_NAME } from "@/lib/comments/pending-cookie-name.mjs";
import { commentArticle, commentField, fillCommentForm } from "../helpers/e2e-actions";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";

for (const javaScriptEnabled of [true, false]) {
  test.describe(`posting a comment with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("holds it for moderation and shows it to its author only", async ({ page, browser }) => {
      const email = uniqueEmail(javaScriptEnabled ? "js" : "nojs");
      const body = `A thoughtful remark ${email.split("@")[0]}`;
      await page.goto(SEED_ARTICLE_PATH);
      await fillCommentForm(page, { body, name: "Dana Reader", email, website: "https://dana.example.net" });
      if (javaScriptEnabled) await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
      await page.getByRole("button", { name: "Post Comment" }).click();

      const own = commentArticle(page, body);
      await expect(own.getByText("Your comment is awaiting moderation.")).toBeVisible();
      await expect(page).toHaveURL(/\?comment=\d+#comment-\d+$/);
      // The count of comments says the reader has one waiting, which only they see.
      await expect(page.getByRole("heading", { level: 2, name: /comments? · 1 of yours not yet published$/ })).toBeVisible();
      // With JavaScript the page is updated in place, never reloaded, and the note on the new comment takes the
      // focus (and so is read out); without, the browser opens the page at the comment.
      if (javaScriptEnabled) {
        expect(await page.evaluate(() => "loadedOnce" in window)).toBe(true);
        await expect(own.getByText("Your comment is awaiting moderation.")).toBeFocused();
      }
      // The form is ready for another comment.
      await expect(commentField(page, "Comment")).toHaveValue("");

      const stored = await findCommentsByEmail(email);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ status: "PENDING", authorName: "Dana Reader", body });

      const other = await browser.newContext({ javaScriptEnabled });
      const otherPage = await other.newPage();
      await otherPage.goto(page.url());
      await expect(otherPage.getByRole("heading", { name: "Leave a Reply" })).toBeVisible();
      await expect(otherPage.getByText(body)).toHaveCount(0);
      await expect(otherPage.getByText(/of yours not yet published/)).toHaveCount(0);
      await other.close();
    });

    test("answers invalid input with per-field errors, keeps what was typed and stores nothing", async ({ page }) => {
      const email = `not-an-email-${Date.now()}`;
      await page.goto(SEED_ARTICLE_PATH);
      await fillCommentForm(page, { body: "   ", name: "Eve Typist", email, website: "javascript:alert(1)" });
      await page.getByRole("button", { name: "Post Comment" }).click();

      await expect(page.locator("#body-error")).toHaveText("Please write a comment");
      await expect(page.locator("#email-error")).toHaveText("Please enter a valid email address");
      await expect(page.locator("#website-error")).toHaveText("Please enter a website address starting with http:// or https://");
      await expect(page.locator("#name-error")).toHaveCount(0);
      await expect(commentField(page, "Comment")).toHaveAttribute("aria-invalid", "true");
      await expect(commentField(page, "Name")).toHaveValue("Eve Typist");
      await expect(commentField(page, "Email")).toHaveValue(email);
      expect(await findCommentsByEmail(email)).toHaveLength(0);

      // A visible summary names each field to fix and links to it; the title says there is an error. Without
      // JavaScript the answer is a new page, which opens at the form rather than at the top of the article.
      const summary = page.getByRole("alert");
      await expect(summary.getByRole("heading", { name: "Please correct your comment:" })).toBeVisible();
      await expect(summary.getByRole("link")).toHaveText([
        "Comment: Please write a comment",
        "Email: Please enter a valid email address",
        "Website: Please enter a website address starting with http:// or https://",
      ]);
      // (Without JavaScript the page is the article's shared one, whose title is settled before the form's state.)
      if (javaScriptEnabled) await expect(page).toHaveTitle(/^Error: Defense ministers agree/);
      else {
        await expect(page).toHaveURL(new RegExp(`${SEED_ARTICLE_PATH}#respond$`));
        expect(await page.getByRole("heading", { name: "Leave a Reply" }).evaluate((heading) => heading.getBoundingClientRect().top)).toBeLessThan(800);
      }
      await summary.getByRole("link", { name: /^Email:/ }).click();
      await expect(page).toHaveURL(/#email$/);
    });
  });
}

test("a reply link turns the form into a reply, and the reply waits under its parent", async ({ page }) => {
  const email = uniqueEmail("reply");
  await page.goto(SEED_ARTICLE_PATH);
  const parent = commentArticle(page, "Good to see the fishing crews mentioned");
  await parent.getByRole("link", { name: "Reply to Ines Walker" }).click();
  await expect(page.getByRole("heading", { name: /Leave a Reply to Ines Walker/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cancel reply" })).toBeVisible();
  // The reply form opens right under the comment it answers.
  await expect(page.locator("li", { has: parent }).locator("#respond")).toHaveCount(1);

  await fillCommentForm(page, { body: "Which harbor does your brother sail from?", name: "Sam Quay", email });
  await page.getByRole("button", { name: "Post Comment" }).click();
  // Nested: inside the list item of the comment it answers.
  const reply = page.locator("li", { has: parent }).locator("li").locator('article[id^="comment-"]', { hasText: "Which harbor does your brother sail from?" });
  await expect(reply.getByText("Your comment is awaiting moderation.")).toBeVisible();

  const [stored] = await findCommentsByEmail(email);
  const [ines] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" WHERE "authorName" = 'Ines Walker'`);
  expect(stored?.parentId).toBe(ines?.id);
  await expect(page.getByRole("heading", { name: "Leave a Reply", exact: true })).toBeVisible();
});

test("remembers name, email and website for later only when the box is ticked, for this tab otherwise", async ({ page }) => {
  await page.goto(SEED_ARTICLE_PATH);
  await fillCommentForm(page, { body: `First remark ${Date.now()}`, name: "Robin Keep", email: uniqueEmail("remember"), website: "" });
  await page.getByLabel("Save my name, email, and website").check();
  await page.getByRole("button", { name: "Post Comment" }).click();
  await expect(page.getByText("Your comment is awaiting moderation.")).toBeVisible();
  await page.goto(SEED_ARTICLE_PATH);
  await expect(commentField(page, "Name")).toHaveValue("Robin Keep");

  await page.getByLabel("Save my name, email, and website").uncheck();
  const second = `Second remark ${Date.now()}`;
  await commentField(page, "Comment").fill(second);
  await page.getByRole("button", { name: "Post Comment" }).click();
  await expect(page.getByText(second)).toBeVisible();
  // Unticked, the details still fill the next form in this tab (a second comment, a reply), not ticked for later...
  await page.goto(SEED_ARTICLE_PATH);
  await expect(commentField(page, "Name")).toHaveValue("Robin Keep");
  await expect(page.getByLabel("Save my name, email, and website")).not.toBeChecked();
  // ...and nothing is kept for the next visit.
  const nextVisit = await page.context().newPage();
  await nextVisit.goto(SEED_ARTICLE_PATH, { waitUntil: "networkidle" });
  await expect(commentField(nextVisit, "Name")).toHaveValue("");
  expect(await nextVisit.evaluate(() => localStorage.length)).toBe(0);
});

test.describe("a bot that fills the hidden field", () => {
  test.use({ javaScriptEnabled: false });

  test("gets the answer a person gets, and nothing is stored", async ({ page }) => {
    // The answer as a bot could compare it: status, where it leads (ids aside) and whether it sets the cookie that
    // marks a reader with a comment waiting.
    const postAnswer = (prefix: string) =>
      page
        .waitForResponse((response) => response.request().method() === "POST" && response.url().includes(prefix))
        .then(async (response) => ({
          status: response.status(),
          location: (await response.headerValue("location"))?.replace(/comment(=|-)\d+/g, "comment$1N"),
          marksWaitingComment: ((await response.headerValue("set-cookie")) ?? "").includes(`${PENDING_COOKIE_NAME}=`),
        }));
    // A person's post, for comparison.
    const person = uniqueEmail("person");
    await page.goto(SEED_ARTICLE_PATH);
    await fillCommentForm(page, { body: `A person writes ${person}`, name: "Pat Person", email: person });
    const [personAnswer] = await Promise.all([postAnswer(SEED_ARTICLE_PATH), page.getByRole("button", { name: "Post Comment" }).click()]);

    const bot = uniqueEmail("bot");
    await page.goto(SEED_ARTICLE_PATH);
    await fillCommentForm(page, { body: `Buy now ${bot}`, name: "Bot Botson", email: bot });
    await page.locator('input[name="company"]').evaluate((input: HTMLInputElement) => (input.value = "Acme Corp"));
    const [botAnswer] = await Promise.all([postAnswer(SEED_ARTICLE_PATH), page.getByRole("button", { name: "Post Comment" }).click()]);

    expect(personAnswer).toEqual({ status: 303, location: expect.stringMatching(/\?comment=N#comment-N$/), marksWaitingComment: true });
    expect(botAnswer).toEqual(personAnswer);
    await expect(page).toHaveURL(new RegExp(`${SEED_ARTICLE_PATH}\\?comment=\\d+#comment-\\d+$`));
    // No error is shown: the form's alert region is empty.
    expect((await page.getByRole("alert").allTextContents()).join("").trim()).toBe("");
    expect(await findCommentsByEmail(bot)).toEqual([]);
    expect(await findCommentsByEmail(person)).toHaveLength(1);
  });
});
