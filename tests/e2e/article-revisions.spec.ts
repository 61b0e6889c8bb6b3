import { expect, test, type Page } from "@playwright/test";
import { queryRows } from "../helpers/e2e-db";
import { sessionCookieOf, signInNewMember, startDraft } from "../helpers/e2e-newsroom";
import { capture, expectRefusedEverywhere, replay } from "../helpers/e2e-replay";
import { seriousViolations, sidewaysOverflow } from "../helpers/page-checks";

// An article's revisions in the browser: the changes between any two saves, shown without JavaScript, and an earlier
// revision restored as a new one, by those who may edit the article only, and never over a newer save.

const stored = async (id: number) =>
  (await queryRows<{ headline: string; body: unknown; version: number }>(`SELECT headline, body, version FROM "Article" WHERE id = $1`, [id]))[0]!;
const revisionNumbers = async (id: number) =>
  (await queryRows<{ number: number }>(`SELECT number FROM "ArticleRevision" WHERE "articleId" = $1 ORDER BY number`, [id])).map((row) => row.number);

// Saves the editor's form as the given revision. Two saves a minute apart both say "Saved at" the same time: the
// stored revision says when this one has arrived.
async function save(page: Page, id: number, revision: number, fields: { headline?: string; body: string }) {
  if (fields.headline) await page.getByLabel("Headline").fill(fields.headline);
  await page.getByRole("textbox", { name: "Body" }).fill(fields.body);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(() => revisionNumbers(id)).toContain(revision);
  await expect(page.getByRole("status")).toHaveText(/^Saved at/);
}

const bodyChanges = (page: Page) => page.getByRole("list", { name: "The body's changes, line by line" });

test("an editor compares two saves and restores the earlier text as a new revision", async ({ browser }) => {
  const { page: editor, name: editorName } = await signInNewMember(browser, "EDITOR", `revisions-editor-${Date.now()}`);
  const headline = `Ferry timetable ${Date.now()}`;
  const id = await startDraft(editor, headline);
  await save(editor, id, 2, { body: "The ferry leaves at nine." });
  await save(editor, id, 3, { headline: `${headline} changes`, body: "The ferry leaves at ten.\n\nTickets cost the same." });
  expect(await revisionNumbers(id)).toEqual([1, 2, 3]);

  await editor.reload();
  await editor.getByRole("link", { name: "Revisions (3)" }).click();
  await expect(editor).toHaveURL(`/admin/articles/${id}/revisions`);
  await expect(editor.getByRole("heading", { name: "Changes from revision 2 to revision 3", level: 2 })).toBeVisible();
  // Removed and added text, in <del> and <ins> and said in words, not only in colour.
  const changes = bodyChanges(editor);
  await expect(changes.locator("del")).toHaveText(["removed: The ferry leaves at nine."]);
  await expect(changes.locator("ins")).toHaveText(["added: The ferry leaves at ten.", "added: a blank line", "added: Tickets cost the same."]);
  await expect(changes.locator("del strong")).toHaveText("nine");
  await expect(changes.locator("ins strong")).toHaveText("ten");
  await expect(editor.getByRole("definition").filter({ hasText: "was:" })).toHaveText(`was: ${headline} → , now: ${headline} changes`);

  // Any two, chosen with the form.
  await editor.getByRole("combobox", { name: "From" }).selectOption({ label: "Revision 1" });
  await editor.getByRole("button", { name: "Compare" }).click();
  await expect(editor).toHaveURL(`/admin/articles/${id}/revisions?from=1&to=3#changes`);
  await expect(editor.getByRole("heading", { name: "Changes from revision 1 to revision 3", level: 2 })).toBeVisible();
  await expect(bodyChanges(editor).locator("del")).toHaveCount(0);
  await expect(bodyChanges(editor).locator("ins")).toHaveText(["added: The ferry leaves at ten.", "added: a blank line", "added: Tickets cost the same."]);

  await editor.getByRole("button", { name: "Restore this revision (number 2)" }).click();
  await expect(editor.getByRole("status")).toHaveText("Revision 4 restores revision 2.");
  const latest = editor.getByRole("listitem").filter({ hasText: "Revision 4" });
  await expect(latest).toContainText(`Saved by ${editorName}`);
  await expect(latest).toContainText("Restores revision 2");
  await expect(latest.getByRole("button", { name: /Restore/ })).toHaveCount(0);
  expect(await revisionNumbers(id)).toEqual([1, 2, 3, 4]);
  expect(await stored(id)).toMatchObject({ headline, body: [{ type: "paragraph", text: "The ferry leaves at nine." }] });
  // The comparison chosen stays; each revision links to its own changes, a restore's being the reverse of the save it
  // undid.
  await latest.getByRole("link", { name: "Changes in revision 4" }).click();
  await expect(editor.getByRole("heading", { name: "Changes from revision 3 to revision 4", level: 2 })).toBeVisible();
  await expect(bodyChanges(editor).locator("del")).toHaveText([
    "removed: The ferry leaves at ten.",
    "removed: a blank line",
    "removed: Tickets cost the same.",
  ]);
  await expect(bodyChanges(editor).locator("ins")).toHaveText(["added: The ferry leaves at nine."]);

  await editor.getByRole("link", { name: "Back to the article" }).click();
  await expect(editor.getByRole("textbox", { name: "Body" })).toHaveValue("The ferry leaves at nine.");
  await expect(editor.getByLabel("Headline")).toHaveValue(headline);
  await expect(editor.getByRole("link", { name: "Revisions (4)" })).toBeVisible();
});

test("a writer who may not edit the article cannot restore its revisions, even by replaying the request", async ({ browser, baseURL }) => {
  const { page: editor } = await signInNewMember(browser, "EDITOR", `revisions-owner-${Date.now()}`);
  const id = await startDraft(editor, `Lighthouse tours ${Date.now()}`);
  await save(editor, id, 2, { body: "Tours start in April." });
  await editor.goto(`/admin/articles/${id}/revisions`);

  // A writer may not edit an editor's article: the page offers nothing, and the editor's request replayed with the
  // writer's session (or none, or from elsewhere) restores nothing.
  const { page: writer } = await signInNewMember(browser, "WRITER", `revisions-writer-${Date.now()}`);
  await writer.goto(`/admin/articles/${id}/revisions`);
  await expect(writer.getByText("Its revisions are for those who may edit it")).toBeVisible();
  await expect(writer.getByRole("button", { name: /Restore/ })).toHaveCount(0);
  const captured = await capture(editor, () => editor.getByRole("button", { name: "Restore this revision (number 1)" }).click());
  expect((await replay(baseURL!, captured, await sessionCookieOf(writer), baseURL!)).status).toBe(200);
  const unchanged = async () => expect(await revisionNumbers(id)).toEqual([1, 2]);
  await unchanged();
  // The same request with the editor's own session restores, or the refusals above would prove nothing.
  const real = await expectRefusedEverywhere(editor, baseURL!, captured, unchanged);
  expect((await replay(baseURL!, captured, real, baseURL!)).status).toBe(200);
  expect(await revisionNumbers(id)).toEqual([1, 2, 3]);
  expect(await stored(id)).toMatchObject({ body: [] });
});

test("a restore over a newer save is refused, and restoring works without JavaScript", async ({ browser }) => {
  const { page: editor, name: editorName } = await signInNewMember(browser, "EDITOR", `revisions-nojs-${Date.now()}`);
  const headline = `Bridge repairs ${Date.now()}`;
  const id = await startDraft(editor, headline);
  await save(editor, id, 2, { headline: `${headline} begin`, body: "Work starts on Monday." });

  const plain = await (await browser.newContext({ javaScriptEnabled: false, storageState: await editor.context().storageState() })).newPage();
  await plain.goto(`/admin/articles/${id}/revisions`);
  await expect(plain.getByRole("heading", { name: "Changes from revision 1 to revision 2", level: 2 })).toBeVisible();
  await expect(bodyChanges(plain).locator("ins")).toHaveText(["added: Work starts on Monday."]);

  // Someone saves while this page is open: its restore is refused with their name, and nothing is restored.
  await save(editor, id, 3, { body: "Work starts on Tuesday." });
  await plain.getByRole("button", { name: "Restore this revision (number 1)" }).click();
  await expect(plain.getByRole("status")).toContainText(`${editorName} changed this article since you opened it`);
  expect(await revisionNumbers(id)).toEqual([1, 2, 3]);

  // The answer was the page again, read afresh: its restore now names the current version.
  await expect(plain.getByRole("heading", { name: "Changes from revision 2 to revision 3", level: 2 })).toBeVisible();
  await plain.getByRole("button", { name: "Restore this revision (number 1)" }).click();
  await expect(plain.getByRole("status")).toHaveText("Revision 4 restores revision 1.");
  await expect(plain.getByRole("listitem").filter({ hasText: "Revision 4" })).toContainText("Restores revision 1");
  expect(await revisionNumbers(id)).toEqual([1, 2, 3, 4]);
  expect(await stored(id)).toMatchObject({ headline, body: [] });
});

// The changes have to be readable by everyone: axe-core's WCAG 2.2 AA rules (as tests/e2e/accessibility.spec.ts runs
// them) in both colour schemes, and nothing wider than a 320 px window (WCAG 1.4.10).
test("the revisions page has no serious accessibility violation in either scheme and fits a 320 px window", async ({ browser }) => {
  const { page: editor } = await signInNewMember(browser, "EDITOR", `revisions-a11y-${Date.now()}`);
  const id = await startDraft(editor, `Harbour dredging ${Date.now()}`);
  const address = "https://example.org/harbour/dredging/2026/notice-to-mariners-about-the-dredging-of-the-inner-harbour-channel.pdf";
  await save(editor, id, 2, { body: `Dredging starts in May.\n\n## Why\n\nThe channel silted up. See ${address}` });
  await save(editor, id, 3, { headline: `Harbour dredging delayed ${Date.now()}`, body: "Dredging starts in June.\n\n## Why\n\nThe channel silted up." });

  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 320, height: 800 }, storageState: await editor.context().storageState() });
    const page = await context.newPage();
    await page.goto(`/admin/articles/${id}/revisions?from=1&to=2`);
    await expect(bodyChanges(page).locator("ins")).toHaveCount(5);
    expect(await seriousViolations(page), colorScheme).toEqual([]);
    expect(await sidewaysOverflow(page), colorScheme).toEqual([]);
    await context.close();
  }
});
