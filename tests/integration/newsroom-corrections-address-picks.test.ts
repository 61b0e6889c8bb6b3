import { beforeEach, describe, expect, it } from "vitest";
import { findCurrentSlug } from "@/lib/data/articles/articles";
import { changeArticleAddress } from "@/lib/data/newsroom/article-address";
import { appendCorrection } from "@/lib/data/newsroom/article-corrections";
import { moveArticleStatus, saveArticleContent, startArticle } from "@/lib/data/newsroom/article-editing";
import { findLinkableArticles, listRelatedPicks, saveRelatedPicks } from "@/lib/data/newsroom/related-picks";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { createStaffMember, db, resetDatabase } from "../helpers/integration-db";

let writer: StaffIdentity;
let editor: StaffIdentity;
let moderator: StaffIdentity;
let sectionId: number;

beforeEach(async () => {
  await resetDatabase();
  writer = await createStaffMember("wren@example.com", "WRITER");
  editor = await createStaffMember("edie@example.com", "EDITOR");
  moderator = await createStaffMember("mo@example.com", "MODERATOR");
  sectionId = (await db.section.create({ data: { slug: "city", name: "City" } })).id;
});

async function draft(headline: string, by: StaffIdentity = writer): Promise<number> {
  const outcome = await startArticle(by, { headline, sectionId, kind: "NEWS", body: [{ type: "paragraph", text: "Text." }] });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.articleId;
}

async function published(headline: string): Promise<number> {
  const id = await draft(headline, editor);
  const moved = await moveArticleStatus(editor, id, 1, "publish");
  if (!moved.ok) throw new Error(moved.message);
  return id;
}

const audited = async (articleId: number) =>
  (await db.moderationAction.findMany({ where: { articleId }, orderBy: { id: "asc" }, select: { action: true, reason: true } })).map((row) => row.action);

describe("corrections from the editor", () => {
  it("appends a dated correction to a published article, audited, without moving its version", async () => {
    const id = await published("Ferry fares rise");
    const outcome = await appendCorrection(editor, id, "  An earlier version gave the wrong fare.  ");
    expect(outcome).toMatchObject({ ok: true });
    const rows = await db.correction.findMany({ where: { articleId: id }, select: { text: true, publishedAt: true } });
    expect(rows).toEqual([{ text: "An earlier version gave the wrong fare.", publishedAt: expect.any(Date) }]);
    expect((await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version).toBe(2);
    expect(await audited(id)).toContain("article_correct");
    // A second correction is added after the first; neither is replaced.
    await appendCorrection(editor, id, "The date was wrong too.");
    expect(await db.correction.count({ where: { articleId: id } })).toBe(2);
  });

  it("refuses writers, moderators, drafts and empty text, changing nothing", async () => {
    const live = await published("Bridge opens");
    const unpublished = await draft("Bridge closes");
    expect(await appendCorrection(writer, live, "No.")).toEqual({ ok: false, error: "not_allowed", message: "Only editors add corrections." });
    expect(await appendCorrection(moderator, live, "No.")).toMatchObject({ ok: false, error: "not_allowed" });
    expect(await appendCorrection(editor, unpublished, "No.")).toMatchObject({ ok: false, error: "invalid", message: expect.stringContaining("published") });
    expect(await appendCorrection(editor, live, "   ")).toMatchObject({ ok: false, error: "invalid", message: "Write the correction readers will see" });
    expect(await appendCorrection(editor, live, "x".repeat(1001))).toMatchObject({ ok: false, error: "invalid" });
    expect(await appendCorrection(editor, 999_999, "No.")).toMatchObject({ ok: false, error: "not_found" });
    expect(await db.correction.count()).toBe(0);
  });
});

describe("an article's address changed from the editor", () => {
  it("keeps a published article's old address as a redirect, and never takes an old address back", async () => {
    const id = await published("Harbour crane removed");
    expect(await changeArticleAddress(editor, id, " Harbour-Crane-Gone ")).toEqual({
      ok: true,
      slug: "harbour-crane-gone",
      redirected: "harbour-crane-removed",
    });
    expect(await findCurrentSlug("harbour-crane-removed")).toBe("harbour-crane-gone");
    expect(await audited(id)).toContain("article_readdress");
    // Readers' browsers keep the redirect: taking the first address back would send them round in a circle.
    expect(await changeArticleAddress(editor, id, "harbour-crane-removed")).toEqual({
      ok: false,
      error: "invalid",
      message: '"harbour-crane-removed" was this article\'s address and now leads to it; choose a new one.',
    });
    expect(await db.articleSlugRedirect.findMany({ where: { articleId: id }, select: { slug: true } })).toEqual([{ slug: "harbour-crane-removed" }]);
    expect((await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug).toBe("harbour-crane-gone");
  });

  it("keeps a draft's old address for the importer but never redirects readers by it, and lets a writer rename only their own draft", async () => {
    const mine = await draft("Night market plans");
    const theirs = await draft("Night bus plans", editor);
    expect(await changeArticleAddress(writer, mine, "night-market")).toEqual({ ok: true, slug: "night-market", redirected: null });
    expect(await db.articleSlugRedirect.findMany({ select: { slug: true, articleId: true } })).toEqual([{ slug: "night-market-plans", articleId: mine }]);
    expect(await findCurrentSlug("night-market-plans")).toBeNull();
    expect(await changeArticleAddress(writer, theirs, "night-bus")).toMatchObject({ ok: false, error: "not_allowed" });
  });

  it("refuses an address that is malformed, unchanged or another article's, now or as an old one", async () => {
    const first = await published("Quay repairs begin");
    const second = await published("Quay repairs end");
    await changeArticleAddress(editor, second, "quay-repairs-done");
    const refusals = await Promise.all(
      ["Quay Repairs!", "", "quay--repairs", "quay-repairs-begin", "quay-repairs-done", "quay-repairs-end"].map((slug) =>
        changeArticleAddress(editor, first, slug),
      ),
    );
    expect(refusals.map((outcome) => outcome.ok)).toEqual([false, false, false, false, false, false]);
    expect(refusals.at(-1)).toMatchObject({ message: 'The address "quay-repairs-end" belongs to another article, now or as an old address.' });
    expect((await db.article.findUniqueOrThrow({ where: { id: first }, select: { slug: true } })).slug).toBe("quay-repairs-begin");
  });

  it("is not undone by the next save of the content", async () => {
    const id = await draft("Tram line extended");
    await changeArticleAddress(writer, id, "tram-extension");
    const saved = await saveArticleContent(writer, id, 1, { headline: "Tram line extended east", sectionId, kind: "NEWS", body: [] });
    expect(saved).toMatchObject({ ok: true, version: 2 });
    expect((await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug).toBe("tram-extension");
  });
});

describe("related picks and the search that finds them", () => {
  it("stores picks in order, replaces them, and refuses duplicates, itself and missing articles", async () => {
    const id = await draft("Council budget");
    const [a, b] = [await published("Schools budget"), await published("Roads budget")];
    expect(await saveRelatedPicks(writer, id, [b, a])).toEqual({ ok: true, relatedIds: [b, a] });
    expect((await listRelatedPicks(writer, id)).map((pick) => pick.id)).toEqual([b, a]);
    expect(await saveRelatedPicks(writer, id, [a, a])).toMatchObject({ ok: false, message: "Each related article once." });
    expect(await saveRelatedPicks(writer, id, [id])).toMatchObject({ ok: false, message: "An article is not related to itself." });
    expect(await saveRelatedPicks(writer, id, [a, 999_999])).toMatchObject({ ok: false, error: "invalid" });
    // A draft is not something readers could be sent to.
    expect(await saveRelatedPicks(writer, id, [a, await draft("Budget draft")])).toMatchObject({
      ok: false,
      message: "An article you picked is no longer published. Search for it again.",
    });
    expect((await listRelatedPicks(writer, id)).map((pick) => pick.id)).toEqual([b, a]);
    expect(await saveRelatedPicks(writer, id, [])).toEqual({ ok: true, relatedIds: [] });
    expect(await listRelatedPicks(writer, id)).toEqual([]);
    expect(await audited(id)).toContain("article_picks");
  });

  it("finds published articles by headline words, not drafts, not itself, with % and _ taken literally", async () => {
    const self = await published("Budget day: what changed");
    const other = await published("Budget 100% approved");
    await published("Ferry timetable");
    await draft("Budget draft notes");
    const headlines = async (query: string) => (await findLinkableArticles(editor, query, self)).map((found) => found.headline);
    expect(await headlines("budget")).toEqual(["Budget 100% approved"]);
    expect(await headlines("100%")).toEqual(["Budget 100% approved"]);
    expect(await headlines("%")).toEqual([]);
    expect(await headlines("_")).toEqual([]);
    expect(await headlines("ferry-timetable")).toEqual(["Ferry timetable"]);
    expect(await findLinkableArticles(moderator, "budget", self)).toEqual([]);
    expect((await findLinkableArticles(editor, "budget", self))[0]!.id).toBe(other);
  });
});
