import { expect, test } from "@playwright/test";
import { queryRows } from "../helpers/e2e-db";
import { sessionCookieOf, signInNewMember, startDraft } from "../helpers/e2e-newsroom";
import { capture, replay } from "../helpers/e2e-replay";

// Around an article's content, in the editor: a new address that keeps the old one leading to the story, a dated
// correction readers see on the page and in its structured data, related articles and READ ALSO links chosen by
// searching. A writer's replayed correction is refused by the server.

const stored = async (id: number) => (await queryRows<{ slug: string }>(`SELECT slug FROM "Article" WHERE id = $1`, [id]))[0]!;

test("an editor readdresses, corrects and links a published article, and readers see each change", async ({ browser, baseURL, request }) => {
  const stamp = Date.now();
  const { page: editor } = await signInNewMember(browser, "EDITOR", `furniture-editor-${stamp}`);
  const headline = `Tide gauge moved to the outer pier ${stamp}`;
  const id = await startDraft(editor, headline);

  // READ ALSO found by searching, inserted where the cursor is, previewed with its headline.
  await editor.getByRole("textbox", { name: "Body" }).fill("The gauge now reads the open sea.");
  await editor.getByLabel("Find a story for a READ ALSO link").fill("bakery chain");
  await editor.getByLabel("Find a story for a READ ALSO link").press("Enter");
  await editor.getByRole("button", { name: "Insert READ ALSO: Harbor bakery chain doubles its apprentice places" }).click();
  await expect(editor.getByRole("textbox", { name: "Body" })).toHaveValue(/^The gauge now reads the open sea\.\n\nREAD ALSO: [a-z0-9-]+$/);
  await expect(editor.getByRole("region", { name: "Preview" }).getByRole("link", { name: "Harbor bakery chain doubles its apprentice places" })).toBeVisible();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByRole("status")).toHaveText("Published.");
  const first = (await stored(id)).slug;

  // A related article found by its headline, saved on its own.
  await editor.reload();
  await editor.getByLabel("Find a related article").fill("central library");
  await editor.getByRole("button", { name: "Find", exact: true }).last().click();
  await editor.getByRole("button", { name: "Add: The central library reopens after a two-year renovation" }).click();
  // A second one, moved first and taken out again by keyboard: the focus stays on the list as buttons come and go.
  await editor.getByLabel("Find a related article").fill("bakery chain");
  await editor.getByLabel("Find a related article").press("Enter");
  await editor.getByRole("button", { name: "Add: Harbor bakery chain doubles its apprentice places" }).click();
  await editor.getByRole("button", { name: "Move up: Harbor bakery chain doubles its apprentice places" }).focus();
  await editor.keyboard.press("Enter");
  await expect(editor.getByRole("button", { name: "Move up: The central library reopens after a two-year renovation" })).toBeVisible();
  await expect(editor.getByRole("button", { name: "Remove: Harbor bakery chain doubles its apprentice places" })).toBeFocused();
  await editor.keyboard.press("Enter");
  await expect(editor.getByRole("button", { name: "Remove: Harbor bakery chain doubles its apprentice places" })).toHaveCount(0);
  await expect(editor.getByRole("button", { name: "Remove: The central library reopens after a two-year renovation" })).toBeFocused();
  await editor.getByRole("button", { name: "Save related articles" }).click();
  await expect(editor.getByText("Related articles saved.")).toBeVisible();

  // A new address: the old one now leads to it.
  await editor.getByRole("textbox", { name: "Address", exact: true }).fill(`tide-gauge-outer-pier-${stamp}`);
  await editor.getByRole("button", { name: "Change the address" }).click();
  await expect(editor.getByText(`The address is now /articles/tide-gauge-outer-pier-${stamp}. /articles/${first} now leads there.`)).toBeVisible();
  const moved = await request.get(`/articles/${first}`, { maxRedirects: 0 });
  expect([301, 308]).toContain(moved.status());
  expect(moved.headers().location).toMatch(new RegExp(`/articles/tide-gauge-outer-pier-${stamp}$`));

  // A dated correction, shown at the top of the article and in its structured data.
  const correction = `An earlier version put the gauge on the inner pier (${stamp}).`;
  await editor.getByLabel("New correction, as readers will read it").fill(correction);
  await editor.getByRole("button", { name: "Add the correction" }).click();
  await expect(editor.getByText(/^Correction added, dated /)).toBeVisible();
  await expect(editor.getByRole("region", { name: "Corrections" }).getByText(correction)).toBeVisible();

  // The writer's session replaying the editor's correction is refused and adds nothing; the editor's own replay of
  // the same request is taken, so the refusal was the writer's role and not a broken request.
  const { page: writer } = await signInNewMember(browser, "WRITER", `furniture-writer-${stamp}`);
  await editor.getByLabel("New correction, as readers will read it").fill("A second correction.");
  const captured = await capture(editor, () => editor.getByRole("button", { name: "Add the correction" }).click());
  const texts = async () =>
    (await queryRows<{ text: string }>(`SELECT text FROM "Correction" WHERE "articleId" = $1 ORDER BY id`, [id])).map((row) => row.text);
  expect((await replay(baseURL!, captured, await sessionCookieOf(writer), baseURL!)).status).toBe(200);
  expect(await texts()).toEqual([correction]);
  expect((await replay(baseURL!, captured, await sessionCookieOf(editor), baseURL!)).status).toBe(200);
  expect(await texts()).toEqual([correction, "A second correction."]);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/articles/${first}`);
  await expect(reader).toHaveURL(new RegExp(`/articles/tide-gauge-outer-pier-${stamp}$`));
  await expect(reader.getByRole("heading", { name: headline, level: 1 })).toBeVisible();
  await expect(reader.getByRole("complementary", { name: "Corrections" })).toContainText(correction);
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent())!);
  const graph = [jsonLd].flat().flatMap((item) => item["@graph"] ?? [item]);
  const article = graph.find((item) => item["@type"] === "NewsArticle");
  expect(article.correction).toEqual([
    { "@type": "CorrectionComment", text: correction, datePublished: expect.any(String) },
    { "@type": "CorrectionComment", text: "A second correction.", datePublished: expect.any(String) },
  ]);
  await expect(reader.getByRole("link", { name: "Harbor bakery chain doubles its apprentice places" }).first()).toBeVisible();
  const related = reader.getByRole("region", { name: "Related" });
  await expect(related.getByRole("heading", { level: 3 }).first()).toHaveText("The central library reopens after a two-year renovation");
});
