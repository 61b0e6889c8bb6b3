import { expect, test } from "@playwright/test";
import { ensureArchiveSection } from "../helpers/e2e-archive";
import { queryRows } from "../helpers/e2e-db";
import { sessionCookieOf, signInNewMember } from "../helpers/e2e-newsroom";
import { capture, replay } from "../helpers/e2e-replay";

// Editors keep the sections, topics and authors from the console: a topic added shows on its own page, a removed
// one is gone, and a writer's replay of the editor's request changes nothing.

test("an editor adds, renames and removes a topic, and a writer's replay is refused", async ({ browser, baseURL }) => {
  const stamp = Date.now();
  const { page: editor } = await signInNewMember(browser, "EDITOR", `taxonomy-editor-${stamp}`);
  await editor.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Sections & topics" }).click();
  await expect(editor.getByRole("heading", { name: "Sections, topics and authors", level: 1 })).toBeVisible();

  const topics = editor.getByRole("region", { name: "Topics" });
  await topics.getByLabel("New topic's name").fill(`Tide tables ${stamp}`);
  await topics.getByLabel("Description", { exact: true }).fill("High and low water.");
  await topics.getByRole("button", { name: "Add the topic" }).click();
  await expect(topics.getByText(`Topic “Tide tables ${stamp}” added.`)).toBeVisible();
  const [tag] = await queryRows<{ id: number; slug: string }>(`SELECT id, slug FROM "Tag" WHERE name = $1`, [`Tide tables ${stamp}`]);
  expect(tag!.slug).toBe(`tide-tables-${stamp}`);

  // On an article, it has a page of its own; renamed, it keeps its address and readers see the new name there.
  const [article] = await queryRows<{ id: number }>(`SELECT id FROM "Article" WHERE headline LIKE 'The central library%'`);
  await queryRows(`INSERT INTO "ArticleTag" ("articleId", "tagId") VALUES ($1, $2)`, [article!.id, tag!.id]);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/tags/${tag!.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Tide tables ${stamp}`);
  const entry = () => topics.getByRole("listitem").filter({ has: editor.getByRole("link", { name: `/tags/${tag!.slug}` }) });
  await entry().getByLabel("Name").fill(`Tides ${stamp}`);
  await entry().getByRole("button", { name: /^Save/ }).click();
  await expect(topics.getByText(`Topic “Tides ${stamp}” saved.`)).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Tides ${stamp}`);
  // Still on an article, it offers no removal.
  await expect(entry().getByText("1 article")).toBeVisible();
  await expect(entry().getByRole("button", { name: /^Remove/ })).toHaveCount(0);

  // Off the article again, it can go; but not at a writer's request: the editor's removal, replayed with the
  // writer's session, is refused and the topic stays, while the editor's own replay removes it.
  await queryRows(`DELETE FROM "ArticleTag" WHERE "tagId" = $1`, [tag!.id]);
  await editor.reload();
  const { page: writer } = await signInNewMember(browser, "WRITER", `taxonomy-writer-${stamp}`);
  await expect(writer.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Sections & topics" })).toHaveCount(0);
  const captured = await capture(editor, () =>
    entry()
      .getByRole("button", { name: /^Remove/ })
      .click(),
  );
  const count = async () => Number((await queryRows<{ n: string }>(`SELECT count(*) AS n FROM "Tag" WHERE id = $1`, [tag!.id]))[0]!.n);
  expect((await replay(baseURL!, captured, await sessionCookieOf(writer), baseURL!)).status).toBe(200);
  expect(await count()).toBe(1);
  expect((await replay(baseURL!, captured, await sessionCookieOf(editor), baseURL!)).status).toBe(200);
  expect(await count()).toBe(0);
  const audit = await queryRows<{ action: string }>(`SELECT action FROM "ModerationAction" WHERE reason LIKE $1 ORDER BY id`, [`%${stamp}%`]);
  expect(audit.map((row) => row.action)).toEqual(["taxonomy_create", "taxonomy_update", "taxonomy_delete"]);
});

test("moving a section to the end and removing it keep the keyboard focus in the list", async ({ browser }) => {
  const stamp = Date.now();
  // Other tests add the archive section near the end of the list; once it is there, the new section stays last.
  await ensureArchiveSection();
  const { page: editor } = await signInNewMember(browser, "EDITOR", `taxonomy-keys-${stamp}`);
  await editor.goto("/admin/newsroom");
  const sections = editor.getByRole("region", { name: "Sections" });
  await sections.getByLabel("New section's name").fill(`Harbour ${stamp}`);
  await sections.getByRole("button", { name: "Add the section" }).click();
  await expect(sections.getByText(`Section “Harbour ${stamp}” added.`)).toBeVisible();
  const entry = sections.getByRole("listitem").filter({ has: editor.getByRole("link", { name: `/sections/harbour-${stamp}` }) });

  // Added last: up one place and down again, by keyboard. At the end its "Move down" is gone, so the focus goes to
  // its "Move up" rather than to the top of the page.
  await entry.getByRole("button", { name: /^Move up/ }).focus();
  await editor.keyboard.press("Enter");
  await expect(sections.getByText(`Section “Harbour ${stamp}” moved up.`)).toBeVisible();
  await expect(entry.getByRole("button", { name: /^Move down/ })).toBeVisible();
  await expect(entry.getByRole("button", { name: /^Move up/ })).toBeFocused();
  await entry.getByRole("button", { name: /^Move down/ }).focus();
  await editor.keyboard.press("Enter");
  await expect(sections.getByText(`Section “Harbour ${stamp}” moved down.`)).toBeVisible();
  await expect(entry.getByRole("button", { name: /^Move down/ })).toHaveCount(0);
  await expect(entry.getByRole("button", { name: /^Move up/ })).toBeFocused();

  // Removed, the entry is gone and the focus is on the list's heading.
  await entry.getByRole("button", { name: /^Remove/ }).focus();
  await editor.keyboard.press("Enter");
  await expect(sections.getByText(`Section “Harbour ${stamp}” removed.`)).toBeVisible();
  await expect(entry).toHaveCount(0);
  await expect(sections.getByRole("heading", { name: "Sections", level: 2 })).toBeFocused();
});
