import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeArticleAddress } from "@/lib/data/newsroom/article-address";
import { appendCorrection } from "@/lib/data/newsroom/article-corrections";
import { saveArticleContent } from "@/lib/data/newsroom/article-editing";
import { findArticleForEditing } from "@/lib/data/newsroom/article-editor";
import { importArticles } from "@/lib/import/import-articles";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

let dir: string;

beforeEach(async () => {
  await resetDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "import-articles-"));
});

afterEach(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, frontMatter: string, body = "A paragraph.") {
  await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
  await writeFile(path.join(dir, name), `---\n${frontMatter}\n---\n\n${body}\n`);
}

// Every .md file under the temporary directory, sorted as the command line sorts them.
async function runImport() {
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".md")).sort();
  const outcomes = await importArticles(
    db,
    names.map((name) => ({ path: path.join(dir, name), name })),
  );
  return Object.fromEntries(outcomes.map((outcome) => [outcome.file, outcome.status === "failed" ? outcome.errors : outcome.status]));
}

const ferry = `slug: new-ferry-timetable
headline: New ferry timetable adds late crossings
dek: Boats run until midnight on Fridays.
section: city
authors: [jonas-lindqvist, { slug: tomas-ferreira, name: Tomás Ferreira }]
tags: [transport, { slug: night-life, name: Night life }]
publishedAt: 2025-03-01T09:30:00+01:00
image: { src: /images/2025/ferry.jpg, alt: The evening ferry, width: 1200, height: 800 }
sources: [{ title: Timetable 2025, publisher: Harbor Ferries, url: "https://example.org/timetable" }]
corrections: [{ text: The last boat leaves at 23:40., publishedAt: 2025-03-02T08:00:00Z }]`;

const budget = `slug: council-budget-vote
headline: Council passes the harbor budget
section: city
sectionName: City Hall
authors: [jonas-lindqvist]
publishedAt: 2025-02-20T18:00:00Z`;

async function snapshot() {
  return {
    articles: await db.article.findMany({ orderBy: { id: "asc" } }),
    authors: await db.articleAuthor.findMany({ orderBy: [{ articleId: "asc" }, { position: "asc" }] }),
    tags: await db.articleTag.findMany({ orderBy: [{ articleId: "asc" }, { tagId: "asc" }] }),
    corrections: await db.correction.findMany({ orderBy: { id: "asc" } }),
    redirects: await db.articleSlugRedirect.findMany({ orderBy: { slug: "asc" } }),
    sections: await db.section.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("importArticles", () => {
  it("creates articles with their section, authors in order, tags, image, sources and corrections", async () => {
    await db.section.create({ data: { slug: "business", name: "Business", position: 4 } });
    await write("city/new-ferry.md", ferry, "## Later boats\n\nThe first paragraph\ncontinues here.");

    expect(await runImport()).toEqual({ "city/new-ferry.md": "created" });
    const article = await db.article.findUniqueOrThrow({
      where: { slug: "new-ferry-timetable" },
      include: {
        section: true,
        authors: { orderBy: { position: "asc" }, include: { author: true } },
        tags: { include: { tag: true }, orderBy: { tag: { slug: "asc" } } },
        corrections: true,
      },
    });
    expect(article).toMatchObject({
      headline: "New ferry timetable adds late crossings",
      dek: "Boats run until midnight on Fridays.",
      status: "PUBLISHED",
      kind: "NEWS",
      commentsOpen: true,
      publishedAt: new Date("2025-03-01T08:30:00Z"),
      updatedAt: null,
      imageSrc: "/images/2025/ferry.jpg",
      imageAlt: "The evening ferry",
      imageCaption: null,
      imageWidth: 1200,
      imageHeight: 800,
      body: [
        { type: "heading", text: "Later boats" },
        { type: "paragraph", text: "The first paragraph continues here." },
      ],
      sources: [{ title: "Timetable 2025", publisher: "Harbor Ferries", url: "https://example.org/timetable" }],
      section: { slug: "city", name: "City", position: 5 },
      corrections: [{ text: "The last boat leaves at 23:40.", publishedAt: new Date("2025-03-02T08:00:00Z") }],
    });
    expect(article.authors.map(({ author, position }) => [author.slug, author.name, position])).toEqual([
      ["jonas-lindqvist", "Jonas Lindqvist", 0],
      ["tomas-ferreira", "Tomás Ferreira", 1],
    ]);
    expect(article.tags.map(({ tag }) => [tag.slug, tag.name])).toEqual([
      ["night-life", "Night life"],
      ["transport", "Transport"],
    ]);
  });

  it("changes nothing on a second run, and updates only the article whose file changed", async () => {
    await write("city/new-ferry.md", ferry);
    await write("city/budget.md", budget);
    expect(await runImport()).toEqual({ "city/new-ferry.md": "created", "city/budget.md": "created" });
    const before = await snapshot();

    expect(await runImport()).toEqual({ "city/new-ferry.md": "unchanged", "city/budget.md": "unchanged" });
    expect(await snapshot()).toEqual(before);

    await write(
      "city/new-ferry.md",
      ferry
        .replace("headline: New ferry timetable adds late crossings", "headline: Ferry timetable adds crossings until midnight")
        .replace("authors: [jonas-lindqvist, { slug: tomas-ferreira, name: Tomás Ferreira }]", "authors: [tomas-ferreira, priya-raman, jonas-lindqvist]")
        .replace("tags: [transport, { slug: night-life, name: Night life }]", "tags: [transport, ferries]")
        .concat("\nupdatedAt: 2025-03-04T10:00:00Z"),
    );
    expect(await runImport()).toEqual({ "city/new-ferry.md": "updated", "city/budget.md": "unchanged" });

    const article = await db.article.findUniqueOrThrow({
      where: { slug: "new-ferry-timetable" },
      select: {
        id: true,
        headline: true,
        updatedAt: true,
        authors: { orderBy: { position: "asc" }, select: { position: true, author: { select: { slug: true } } } },
        tags: { select: { tag: { select: { slug: true } } } },
      },
    });
    expect(article.id).toBe(before.articles.find((row) => row.slug === "new-ferry-timetable")!.id);
    expect(article.headline).toBe("Ferry timetable adds crossings until midnight");
    expect(article.updatedAt).toEqual(new Date("2025-03-04T10:00:00Z"));
    expect(article.authors.map((row) => [row.author.slug, row.position])).toEqual([
      ["tomas-ferreira", 0],
      ["priya-raman", 1],
      ["jonas-lindqvist", 2],
    ]);
    expect(article.tags.map((row) => row.tag.slug).sort()).toEqual(["ferries", "transport"]);
    // The tag the file dropped is no longer on the article but stays on the site for others.
    expect(await db.tag.count({ where: { slug: "night-life" } })).toBe(1);
    expect(await runImport()).toEqual({ "city/new-ferry.md": "unchanged", "city/budget.md": "unchanged" });
  });

  it("leaves an article changed in the browser as the newsroom left it, and says so", async () => {
    await write("city/new-ferry.md", ferry);
    await write("city/budget.md", budget);
    await runImport();
    const { id: staffId } = await upsertStaffUser(db, { email: "edie@example.com", name: "Edie", password: "a-long-password-3", role: "EDITOR" });
    const editor = { id: staffId, email: "edie@example.com", name: "Edie", role: "EDITOR" as const };
    const ferryId = (await db.article.findUniqueOrThrow({ where: { slug: "new-ferry-timetable" } })).id;
    const opened = (await findArticleForEditing(editor, ferryId))!;
    expect(await saveArticleContent(editor, ferryId, opened.version, { ...opened.content, headline: "Ferries run until midnight" })).toMatchObject({
      ok: true,
    });
    expect(await appendCorrection(editor, ferryId, "The fare was wrong.")).toMatchObject({ ok: true });
    expect(await changeArticleAddress(editor, ferryId, "ferries-until-midnight")).toMatchObject({ ok: true });
    const before = await snapshot();

    // Both files changed since; only the article nobody touched in the browser takes its file's change.
    await write("city/new-ferry.md", ferry.replace("dek: Boats run until midnight on Fridays.", "dek: Boats run late."));
    await write("city/budget.md", budget.replace("headline: Council passes the harbor budget", "headline: Council passes the budget"));
    const outcomes = await importArticles(db, [
      { path: path.join(dir, "city/new-ferry.md"), name: "city/new-ferry.md" },
      { path: path.join(dir, "city/budget.md"), name: "city/budget.md" },
    ]);
    expect(outcomes.map(({ file, status, slug }) => ({ file, status, slug }))).toEqual([
      { file: "city/new-ferry.md", status: "kept", slug: "ferries-until-midnight" },
      { file: "city/budget.md", status: "updated", slug: "council-budget-vote" },
    ]);
    expect(outcomes[0]!.note).toMatch(/^changed in the browser by Edie at \d{4}-.+\(article_readdress\): the browser's version wins$/);
    const after = await snapshot();
    const ferryRow = (rows: { id: number }[]) => rows.filter((row) => row.id === ferryId);
    expect(ferryRow(after.articles)).toEqual(ferryRow(before.articles));
    expect(after.corrections).toEqual(before.corrections);
    expect(after.redirects).toEqual(before.redirects);
    expect(after.articles.find((row) => row.id !== ferryId)!.headline).toBe("Council passes the budget");
  });

  it("keeps the name an existing author, tag or section already has", async () => {
    await db.author.create({ data: { slug: "jonas-lindqvist", name: "Jonas Lindqvist-Berg" } });
    await db.section.create({ data: { slug: "city", name: "The City" } });
    await write("a.md", budget);
    expect(await runImport()).toEqual({ "a.md": "created" });
    expect(await db.author.findMany({ select: { name: true } })).toEqual([{ name: "Jonas Lindqvist-Berg" }]);
    expect(await db.section.findMany({ select: { name: true } })).toEqual([{ name: "The City" }]);
  });

  it("resolves READ ALSO to articles in the same run, in any order, and to ones already in the database", async () => {
    const existing = await createArticle({ slug: "harbor-history" });
    await db.articleSlugRedirect.create({ data: { slug: "old-harbor-history", articleId: existing.id } });
    await write("a.md", budget, "Intro.\n\nREAD ALSO: new-ferry-timetable\n\nREAD ALSO: old-harbor-history");
    await write("b.md", ferry, "Intro.\n\nREAD ALSO: council-budget-vote\n\nREAD ALSO: harbor-history");

    expect(await runImport()).toEqual({ "a.md": "created", "b.md": "created" });
    const ids = Object.fromEntries((await db.article.findMany({ select: { slug: true, id: true } })).map((row) => [row.slug, row.id]));
    const bodies = Object.fromEntries((await db.article.findMany({ select: { slug: true, body: true } })).map((row) => [row.slug, row.body]));
    expect(bodies["council-budget-vote"]).toEqual([
      { type: "paragraph", text: "Intro." },
      { type: "readAlso", articleId: ids["new-ferry-timetable"] },
      { type: "readAlso", articleId: existing.id },
    ]);
    expect(bodies["new-ferry-timetable"]).toEqual([
      { type: "paragraph", text: "Intro." },
      { type: "readAlso", articleId: ids["council-budget-vote"] },
      { type: "readAlso", articleId: existing.id },
    ]);
    expect(await runImport()).toEqual({ "a.md": "unchanged", "b.md": "unchanged" });
  });

  it("renames an article found by its previous slug and records the old slugs as redirects", async () => {
    await write("ferry.md", ferry);
    await runImport();
    const { id } = await db.article.findUniqueOrThrow({ where: { slug: "new-ferry-timetable" } });
    // The new slug once redirected elsewhere: becoming an article's current slug ends that redirect.
    const other = await createArticle({ slug: "other" });
    await db.articleSlugRedirect.create({ data: { slug: "late-ferries-added", articleId: other.id } });

    await write("ferry.md", ferry.replace("slug: new-ferry-timetable", "slug: late-ferries-added\npreviousSlugs: [new-ferry-timetable, ferry-draft]"));
    expect(await runImport()).toEqual({ "ferry.md": "updated" });

    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ slug: "late-ferries-added" });
    expect(await db.article.count()).toBe(2);
    expect(await db.articleSlugRedirect.findMany({ orderBy: { slug: "asc" } })).toEqual([
      { slug: "ferry-draft", articleId: id },
      { slug: "new-ferry-timetable", articleId: id },
    ]);
    expect(await runImport()).toEqual({ "ferry.md": "unchanged" });
  });

  it("records the previous slugs of a new article, and keeps a renamed article's old address even when not listed", async () => {
    await write("budget.md", `${budget}\npreviousSlugs: [budget-vote]`);
    await write("ferry.md", ferry);
    expect(await runImport()).toEqual({ "budget.md": "created", "ferry.md": "created" });
    const budgetId = (await db.article.findUniqueOrThrow({ where: { slug: "council-budget-vote" } })).id;
    expect(await db.articleSlugRedirect.findMany()).toEqual([{ slug: "budget-vote", articleId: budgetId }]);

    // Found through an old slug that already redirects to it; its current slug becomes a redirect as well.
    await write("budget.md", budget.replace("slug: council-budget-vote", "slug: harbor-budget-passes\npreviousSlugs: [budget-vote]"));
    expect(await runImport()).toEqual({ "budget.md": "updated", "ferry.md": "unchanged" });
    expect(await db.articleSlugRedirect.findMany({ orderBy: { slug: "asc" } })).toEqual([
      { slug: "budget-vote", articleId: budgetId },
      { slug: "council-budget-vote", articleId: budgetId },
    ]);
  });

  it("reports a bad file with the file and field, and imports the good ones", async () => {
    await write("posts/bad.md", budget.replace("publishedAt: 2025-02-20T18:00:00Z", "publishedAt: 20 February 2025"));
    await write("posts/good.md", ferry);
    await write("posts/dangling.md", budget.replace("council-budget-vote", "dangling"), "Intro.\n\nREAD ALSO: no-such-article");
    // Points at an article that only the bad file would have created.
    await write("posts/follower.md", budget.replace("council-budget-vote", "follower"), "Intro.\n\nREAD ALSO: council-budget-vote");

    expect(await runImport()).toEqual({
      "posts/bad.md": [{ field: "publishedAt", message: expect.stringMatching(/^Invalid ISO date/) }],
      "posts/dangling.md": [{ field: "body (line 12)", message: 'READ ALSO: no article with the slug "no-such-article" in the database or in this import' }],
      "posts/follower.md": [
        { field: "body (line 12)", message: 'READ ALSO: no article with the slug "council-budget-vote" in the database or in this import' },
      ],
      "posts/good.md": "created",
    });
    expect((await db.article.findMany({ select: { slug: true } })).map((row) => row.slug)).toEqual(["new-ferry-timetable"]);
  });

  it("refuses two files claiming the same slug, and renames the article an old slug names", async () => {
    const renamed = await createArticle({ slug: "someone-else" });
    await write("a.md", budget);
    await write("b.md", budget.replace("headline: Council passes the harbor budget", "headline: Copy"));
    await write("c.md", `${ferry}\npreviousSlugs: [someone-else]`);
    await write("d.md", budget.replace("council-budget-vote", "new-budget").concat("\npreviousSlugs: [council-budget-vote]"));

    expect(await runImport()).toEqual({
      "a.md": "created",
      "b.md": [{ field: "slug", message: '"council-budget-vote" is also the slug of a.md' }],
      "c.md": "updated",
      "d.md": [{ field: "previousSlugs[0]", message: '"council-budget-vote" is also claimed by a.md' }],
    });
    // An old slug that is an existing article's current slug identifies that article: c.md renamed it.
    expect(await db.article.findUniqueOrThrow({ where: { slug: "new-ferry-timetable" } })).toMatchObject({ id: renamed.id });
    expect(await db.articleSlugRedirect.findMany()).toEqual([{ slug: "someone-else", articleId: renamed.id }]);
  });

  it("refuses an old slug of an existing article when the file's own slug is another existing article", async () => {
    await createArticle({ slug: "council-budget-vote" });
    await createArticle({ slug: "someone-else" });
    await write("a.md", `${budget}\npreviousSlugs: [someone-else]`);
    expect(await runImport()).toEqual({ "a.md": [{ field: "previousSlugs[0]", message: '"someone-else" is the slug of another article' }] });
  });
});
