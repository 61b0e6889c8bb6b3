import { expect, test } from "@playwright/test";
import { queryRows } from "../helpers/e2e-db";
import { sessionCookieOf, signInNewMember, startDraft } from "../helpers/e2e-newsroom";
import { capture, replay } from "../helpers/e2e-replay";

// The newsroom writes in the browser: a writer's draft saves itself and survives a reload, the preview is the public
// page's own body, the workflow offers each member only their moves (and the server refuses the others when sent
// by hand), and two editors on one article cannot overwrite each other.

const stored = async (id: number) =>
  (await queryRows<{ status: string; slug: string; body: unknown }>(`SELECT status::text AS status, slug, body FROM "Article" WHERE id = $1`, [id]))[0]!;

test("a writer's draft saves itself and goes through review to an editor, who publishes it", async ({ browser, baseURL }) => {
  const { page: writer } = await signInNewMember(browser, "WRITER", `editor-writer-${Date.now()}`);
  const headline = `Harbour lights return ${Date.now()}`;
  const id = await startDraft(writer, headline);

  const body = "The harbour lights will shine again from Friday.\n\n## What the council decided\n\nThey stay on until midnight.";
  await writer.getByRole("textbox", { name: "Body" }).fill(body);
  // The preview is drawn as readers will see it, while typing.
  const preview = writer.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "What the council decided", level: 2 })).toBeVisible();
  await expect(preview.getByText("They stay on until midnight.")).toBeVisible();
  // Nobody pressed Save: the draft saved itself once the typing stopped.
  await expect(writer.getByRole("status")).toHaveText(/^Saved at \d{1,2}:\d{2}/, { timeout: 15_000 });
  expect((await stored(id)).body).toEqual([
    { type: "paragraph", text: "The harbour lights will shine again from Friday." },
    { type: "heading", text: "What the council decided" },
    { type: "paragraph", text: "They stay on until midnight." },
  ]);
  await writer.reload();
  await expect(writer.getByRole("textbox", { name: "Body" })).toHaveValue(body);

  // An unknown READ ALSO address is refused by name, and nothing is saved.
  await writer.getByRole("textbox", { name: "Body" }).fill(`${body}\n\nREAD ALSO: no-such-story`);
  await writer.getByRole("button", { name: "Save", exact: true }).click();
  await expect(writer.getByRole("status")).toHaveText('Body (line 7): READ ALSO: no article has the address "no-such-story"');
  expect((await stored(id)).body).toHaveLength(3);
  await writer.getByRole("textbox", { name: "Body" }).fill(body);

  await writer.getByRole("button", { name: "Submit for review" }).click();
  await expect(writer.getByRole("status")).toHaveText("Submitted for review.");
  expect((await stored(id)).status).toBe("IN_REVIEW");
  await writer.reload();
  await expect(writer.getByText("Writers change only their own drafts")).toBeVisible();
  await expect(writer.getByRole("button", { name: "Publish" })).toHaveCount(0);

  // The editor's publish request, sent with the writer's session, is refused by the server.
  const { page: editor } = await signInNewMember(browser, "EDITOR", `editor-editor-${Date.now()}`);
  await editor.goto(`/admin/articles/${id}`);
  const captured = await capture(editor, () => editor.getByRole("button", { name: "Publish" }).click());
  expect((await replay(baseURL!, captured, await sessionCookieOf(writer), baseURL!)).status).toBe(200);
  expect((await stored(id)).status).toBe("IN_REVIEW");

  // The editor edits the writer's article in review, then publishes it.
  await editor.reload();
  await editor.getByRole("textbox", { name: "Body" }).fill(`${body}\n\nThe ferry runs late on those nights too.`);
  await editor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor.getByRole("status")).toHaveText(/^Saved at/);
  expect((await stored(id)).body).toHaveLength(4);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByRole("status")).toHaveText("Published.");
  const { slug, status } = await stored(id);
  expect(status).toBe("PUBLISHED");
  await editor.goto(`/articles/${slug}`);
  await expect(editor.getByRole("heading", { name: headline, level: 1 })).toBeVisible();
  await expect(editor.getByRole("heading", { name: "What the council decided", level: 2 })).toBeVisible();
  await expect(editor.getByText("The ferry runs late on those nights too.")).toBeVisible();
});

test("of two editors with one article open, the second one's save is refused and names the first", async ({ browser }) => {
  const first = await signInNewMember(browser, "EDITOR", `editor-first-${Date.now()}`);
  const second = await signInNewMember(browser, "EDITOR", `editor-second-${Date.now()}`);
  const id = await startDraft(first.page, `Ferry fares frozen ${Date.now()}`);
  await second.page.goto(`/admin/articles/${id}`);

  await first.page.getByLabel("Headline").fill("Ferry fares frozen for a year");
  await first.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(first.page.getByRole("status")).toHaveText(/^Saved at/);

  await second.page.getByLabel("Headline").fill("Ferry fares go up");
  await second.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.page.getByRole("status")).toContainText(`${first.name} changed this article since you opened it`);
  // The page stops sending: its text stays on screen to be copied, and nothing more is saved from it.
  await expect(second.page.getByLabel("Headline")).toHaveValue("Ferry fares go up");
  await expect(second.page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
  expect((await queryRows<{ headline: string }>(`SELECT headline FROM "Article" WHERE id = $1`, [id]))[0]!.headline).toBe("Ferry fares frozen for a year");
});

test("leaving the editor with unsaved changes asks first, by a link inside the console or by closing the page", async ({ browser }) => {
  const { page } = await signInNewMember(browser, "EDITOR", `editor-leaving-${Date.now()}`);
  const id = await startDraft(page, `Ferry timetable ${Date.now()}`);
  // In review: nothing saves itself, so the change stays unsaved until the editor saves it.
  await queryRows(`UPDATE "Article" SET status = 'IN_REVIEW' WHERE id = $1`, [id]);
  await page.reload();
  await page.getByLabel("Headline").fill("Ferry timetable changes from May");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  const questions: string[] = [];
  const articlesLink = page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Articles", exact: true });
  // Staying keeps the page and what was typed.
  page.once("dialog", (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await articlesLink.click();
  await expect(page).toHaveURL(new RegExp(`/admin/articles/${id}$`));
  await expect(page.getByLabel("Headline")).toHaveValue("Ferry timetable changes from May");
  // Leaving leaves.
  page.once("dialog", (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.accept();
  });
  await articlesLink.click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
  expect(questions).toEqual(Array(2).fill("confirm: This article has changes that are not saved yet. Leave without saving them?"));

  // Closing the page is asked by the browser itself; staying keeps it open.
  await page.goto(`/admin/articles/${id}`);
  await page.getByLabel("Headline").fill("Ferry timetable changes from June");
  const asked = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe("beforeunload");
  expect(page.isClosed()).toBe(false);
  // Once saved, nothing is asked (a question nobody answered would keep the page here).
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(/^Saved at/);
  await articlesLink.click();
  await expect(page).toHaveURL(/\/admin\/articles$/);
  expect(questions).toHaveLength(2);
});
