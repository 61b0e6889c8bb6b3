import { beforeEach, describe, expect, it } from "vitest";
import { findCurrentSlug, findPublishedArticleBySlug } from "@/lib/data/articles/articles";
import { findSectionListing, listMostCommented, LISTING_PAGE_SIZE } from "@/lib/data/articles/listings";
import { findArticleSurroundings, findRelatedArticles, findSectionNeighbours } from "@/lib/data/articles/related";
import { searchArticles } from "@/lib/data/articles/search";
import { MATCH_END, MATCH_START } from "@/lib/format/search-snippet";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

beforeEach(resetDatabase);

const HOUR = 3_600_000;

async function article(
  slug: string,
  overrides: { headline?: string; dek?: string; text?: string; hoursAgo?: number; tags?: string[]; status?: "DRAFT" | "PUBLISHED"; section?: string } = {},
) {
  const created = await createArticle({
    slug,
    status: overrides.status,
    publishedAt: new Date(Date.now() - (overrides.hoursAgo ?? 1) * HOUR),
    body: [{ type: "paragraph", text: overrides.text ?? "Plain words." }],
  });
  await db.article.update({ where: { id: created.id }, data: { headline: overrides.headline ?? `Headline of ${slug}`, dek: overrides.dek ?? "" } });
  if (overrides.section) {
    const section = await db.section.upsert({ where: { slug: overrides.section }, create: { slug: overrides.section, name: overrides.section }, update: {} });
    await db.article.update({ where: { id: created.id }, data: { sectionId: section.id } });
  }
  for (const tag of overrides.tags ?? []) {
    const row = await db.tag.upsert({ where: { slug: tag }, create: { slug: tag, name: tag }, update: {} });
    await db.articleTag.create({ data: { articleId: created.id, tagId: row.id } });
  }
  return created;
}

describe("full-text search", () => {
  it("ranks headline matches above body matches, highlights matched words, and leaves drafts out", async () => {
    await article("in-body", { text: "The lighthouse keeper retired after forty years." });
    await article("in-headline", { headline: "Lighthouse reopens to visitors" });
    await article("draft", { headline: "Lighthouse secrets", status: "DRAFT" });
    const results = await searchArticles("lighthouse", 1);
    expect(results.hits.map((hit) => hit.slug)).toEqual(["in-headline", "in-body"]);
    expect(results.total).toBe(2);
    expect(results.hits[1]!.snippet).toContain(`${MATCH_START}lighthouse${MATCH_END}`);
  });

  it("reads the query like a search box (phrases, or, minus) and answers odd input without an error", async () => {
    await article("ferry-late", { text: "The late ferry leaves at midnight." });
    await article("ferry-early", { text: "The early ferry leaves at dawn." });
    expect((await searchArticles('"late ferry"', 1)).hits.map((hit) => hit.slug)).toEqual(["ferry-late"]);
    expect((await searchArticles("ferry -dawn", 1)).hits.map((hit) => hit.slug)).toEqual(["ferry-late"]);
    expect((await searchArticles("midnight or dawn", 1)).total).toBe(2);
    for (const odd of ['"', "&|!:*()", "the", "-", '\'; DROP TABLE "Article"; --', "\\"]) {
      await expect(searchArticles(odd, 1), odd).resolves.toMatchObject({ hits: [] });
    }
    expect(await db.article.count()).toBe(2);
  });

  it("pages results and answers a page past the end with no hits", async () => {
    for (let n = 0; n < 12; n += 1) await article(`tide-${n}`, { text: `Tide tables for week ${n}.`, hoursAgo: n + 1 });
    const first = await searchArticles("tide", 1);
    expect([first.total, first.pageCount, first.hits.length]).toEqual([12, 2, 10]);
    expect((await searchArticles("tide", 2)).hits).toHaveLength(2);
    expect((await searchArticles("tide", 3)).hits).toEqual([]);
  });

  it("orders by relevance by default and newest first on request", async () => {
    await article("old-headline", { headline: "Harbour dredging begins", hoursAgo: 30 });
    await article("new-body", { text: "Work on the harbour went on.", hoursAgo: 2 });
    await article("newest-body", { text: "The harbour was quiet.", hoursAgo: 1 });
    const slugs = async (sort: "relevance" | "newest") => (await searchArticles("harbour", 1, { sort })).hits.map((hit) => hit.slug);
    expect(await slugs("relevance")).toEqual(["old-headline", "newest-body", "new-body"]);
    expect(await slugs("newest")).toEqual(["newest-body", "new-body", "old-headline"]);
  });

  it("finds only the chosen section's stories, counts and pages them, and finds nothing for a section that is not there", async () => {
    for (let n = 0; n < 12; n += 1) await article(`business-${n}`, { text: `Ferry fares rise, part ${n}.`, section: "business", hoursAgo: n + 1 });
    await article("city-ferry", { text: "The ferry runs late.", section: "city" });
    const business = await searchArticles("ferry", 2, { section: "business", sort: "newest" });
    expect([business.total, business.pageCount]).toEqual([12, 2]);
    expect(business.hits.map((hit) => hit.slug)).toEqual(["business-10", "business-11"]);
    expect((await searchArticles("ferry", 1, { section: "city" })).hits.map((hit) => hit.slug)).toEqual(["city-ferry"]);
    expect((await searchArticles("ferry", 1)).total).toBe(13);
    expect(await searchArticles("ferry", 1, { section: "no-such-section" })).toMatchObject({ total: 0, hits: [] });
    // Past the end, the total is counted within the section too.
    expect(await searchArticles("ferry", 5, { section: "business" })).toMatchObject({ total: 12, pageCount: 2, hits: [] });
  });

  it("starts each snippet at the sentence that holds the match, or at a word with an ellipsis", async () => {
    await article("sentence", {
      text: "The council met on Monday. After a long debate about the budget, the members voted to buy a new lighthouse lamp.",
    });
    const long = `Work went on ${Array.from({ length: 50 }, (_, n) => `step${n}`).join(" ")} until the lighthouse keeper came home at last`;
    await article("long", { text: long });
    await article("dek-and-heading", { dek: "A quiet week", text: "" });
    await db.article.update({
      where: { slug: "dek-and-heading" },
      data: {
        body: [
          { type: "heading", text: "Lighthouse days" },
          { type: "paragraph", text: "Nothing else happened." },
        ],
      },
    });
    const snippets = Object.fromEntries((await searchArticles("lighthouse", 1)).hits.map((hit) => [hit.slug, hit.snippet]));
    expect(snippets.sentence).toBe(`After a long debate about the budget, the members voted to buy a new ${MATCH_START}lighthouse${MATCH_END} lamp.`);
    expect(snippets.long).toMatch(new RegExp(`^… step4[2-9] .* until the ${MATCH_START}lighthouse${MATCH_END} keeper`));
    // A heading is a block of its own: the snippet does not run on into the paragraph after it.
    expect(snippets["dek-and-heading"]).toBe(`${MATCH_START}Lighthouse${MATCH_END} days`);
  });
});

describe("listings", () => {
  it("page a section newest first and answer a page past the end with null", async () => {
    for (let n = 0; n < LISTING_PAGE_SIZE + 2; n += 1) await article(`story-${n}`, { hoursAgo: n + 1 });
    const first = await findSectionListing("test-section", 1);
    expect(first?.listing).toMatchObject({ total: LISTING_PAGE_SIZE + 2, page: 1, pageCount: 2 });
    expect(first?.listing.articles[0]?.slug).toBe("story-0");
    expect((await findSectionListing("test-section", 2))?.listing.articles.map((entry) => entry.slug)).toEqual([
      `story-${LISTING_PAGE_SIZE}`,
      `story-${LISTING_PAGE_SIZE + 1}`,
    ]);
    expect(await findSectionListing("test-section", 3)).toBeNull();
    expect(await findSectionListing("no-such-section", 1)).toBeNull();
  });

  it("count only comments approved in the last week for 'most commented'", async () => {
    const busy = await article("busy");
    const quiet = await article("quiet");
    const comment = (articleId: number, status: "APPROVED" | "PENDING", daysAgo: number) =>
      db.comment.create({
        data: { articleId, authorName: "R", authorEmail: "r@example.com", body: "x", status, createdAt: new Date(Date.now() - daysAgo * 24 * HOUR) },
      });
    await comment(busy.id, "APPROVED", 1);
    await comment(busy.id, "APPROVED", 2);
    await comment(busy.id, "PENDING", 1);
    await comment(quiet.id, "APPROVED", 1);
    await comment(quiet.id, "APPROVED", 9);
    expect((await listMostCommented(7, 5)).map((entry) => [entry.slug, entry.comments])).toEqual([
      ["busy", 2],
      ["quiet", 1],
    ]);
  });
});

describe("related articles and neighbours", () => {
  it("put the editor's picks first, then shared tags, never the article itself nor what it links inline", async () => {
    const main = await article("main", { tags: ["harbor", "jobs"], hoursAgo: 5 });
    const picked = await article("picked", { hoursAgo: 50 });
    await article("two-tags", { tags: ["harbor", "jobs"], hoursAgo: 40 });
    await article("one-tag", { tags: ["harbor"], hoursAgo: 2 });
    const linked = await article("linked", { tags: ["harbor", "jobs"], hoursAgo: 1 });
    await article("drafted", { tags: ["harbor", "jobs"], status: "DRAFT" });
    await db.relatedPick.create({ data: { articleId: main.id, relatedId: picked.id } });
    const source = {
      id: main.id,
      sectionId: main.sectionId,
      publishedAt: main.publishedAt!.toISOString(),
      tagSlugs: ["harbor", "jobs"],
      linkedIds: [linked.id],
    };
    const related = await findRelatedArticles(source, 4);
    expect(related.map((entry) => entry.slug)).toEqual(["picked", "two-tags", "one-tag"]);
    expect(related.map((entry) => entry.id)).not.toContain(main.id);
    const { previous, next } = await findSectionNeighbours(source);
    expect([previous?.slug, next?.slug]).toEqual(["two-tags", "one-tag"]);
  });

  it("offer each story once at the end of an article: neighbours pass over its inline links, related repeats neither", async () => {
    const main = await article("main", { tags: ["harbor"], hoursAgo: 5 });
    const older = await article("older", { tags: ["harbor"], hoursAgo: 10 });
    const newer = await article("newer", { tags: ["harbor"], hoursAgo: 1 });
    await article("oldest", { tags: ["harbor"], hoursAgo: 30 });
    await article("other", { tags: ["harbor"], hoursAgo: 40 });
    await db.relatedPick.create({ data: { articleId: main.id, relatedId: newer.id } });
    const source = { id: main.id, sectionId: main.sectionId, publishedAt: main.publishedAt!.toISOString(), tagSlugs: ["harbor"], linkedIds: [older.id] };
    const { previous, next, related } = await findArticleSurroundings(source, 4);
    // "older" is linked inline (READ ALSO), so the previous link passes over it; "newer" is the next link, so it is
    // not related, even though the editor picked it.
    expect([previous?.slug, next?.slug]).toEqual(["oldest", "newer"]);
    expect(related.map((entry) => entry.slug)).toEqual(["other"]);
  });

  it("find an article's current slug from an old one, and never a draft's", async () => {
    const moved = await article("new-address");
    await db.articleSlugRedirect.create({ data: { slug: "old-address", articleId: moved.id } });
    expect(await findCurrentSlug("old-address")).toBe("new-address");
    await db.article.update({ where: { id: moved.id }, data: { status: "DRAFT" } });
    expect(await findCurrentSlug("old-address")).toBeNull();
    expect(await findPublishedArticleBySlug("old-address")).toBeNull();
  });
});
