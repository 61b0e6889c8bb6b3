import { beforeEach, describe, expect, it } from "vitest";
import { listNewsroomArticles, NEWSROOM_PAGE_SIZE } from "@/lib/data/newsroom/article-list";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import type { ArticleStatusName } from "@/lib/newsroom/workflow";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { StaffOnly } from "@/lib/staff/staff-reads";
import { newsroomArticlesQuerySchema, type NewsroomArticleFilters } from "@/lib/validation/newsroom-articles";
import { createStaffMember, db, resetDatabase } from "../helpers/integration-db";

let writer: StaffIdentity;
let editor: StaffIdentity;
let city: number;
let sport: number;
let ann: number;
let bo: number;

const NONE: NewsroomArticleFilters = { status: null, section: null, author: null, q: null, mine: false };
const HOUR = 3_600_000;

beforeEach(async () => {
  await resetDatabase();
  writer = await createStaffMember("wren@example.com", "WRITER");
  editor = await createStaffMember("edie@example.com", "EDITOR");
  city = (await db.section.create({ data: { slug: "city", name: "City" } })).id;
  sport = (await db.section.create({ data: { slug: "sport", name: "Sport" } })).id;
  ann = (await db.author.create({ data: { slug: "ann", name: "Ann" } })).id;
  bo = (await db.author.create({ data: { slug: "bo", name: "Bo" } })).id;
});

let slugs = 0;
async function article(
  headline: string,
  options: {
    status?: ArticleStatusName;
    sectionId?: number;
    authorIds?: number[];
    by?: StaffIdentity;
    createdAt?: Date;
    scheduledFor?: Date;
    publishedAt?: Date;
  } = {},
) {
  const created = await db.article.create({
    data: {
      slug: `story-${(slugs += 1)}`,
      headline,
      body: [{ type: "paragraph", text: "Text." }],
      sectionId: options.sectionId ?? city,
      status: options.status ?? "DRAFT",
      createdById: options.by?.id ?? null,
      createdAt: options.createdAt ?? new Date(),
      scheduledFor: options.scheduledFor ?? null,
      publishedAt: options.publishedAt ?? null,
      authors: { create: (options.authorIds ?? []).map((authorId, position) => ({ authorId, position })) },
    },
  });
  return created.id;
}

const headlines = async (staff: StaffIdentity, filters: Partial<NewsroomArticleFilters> = {}, page = 1) =>
  (await listNewsroomArticles(staff, { ...NONE, ...filters }, page)).rows.map((row) => row.headline);

describe("the newsroom's article list", () => {
  it("filters by status, section, author and the articles one started, together", async () => {
    await article("Draft in city by Ann", { authorIds: [ann], by: writer });
    await article("Draft in sport by Bo", { sectionId: sport, authorIds: [bo], by: editor });
    await article("Review in sport by Ann and Bo", { status: "IN_REVIEW", sectionId: sport, authorIds: [bo, ann], by: writer });
    await article("Published in city", { status: "PUBLISHED", publishedAt: new Date(), authorIds: [ann] });

    expect((await headlines(editor, { status: "DRAFT" })).sort()).toEqual(["Draft in city by Ann", "Draft in sport by Bo"]);
    expect((await headlines(editor, { section: sport })).sort()).toEqual(["Draft in sport by Bo", "Review in sport by Ann and Bo"]);
    expect((await headlines(editor, { author: ann })).sort()).toEqual(["Draft in city by Ann", "Published in city", "Review in sport by Ann and Bo"]);
    expect(await headlines(editor, { author: ann, section: sport, status: "IN_REVIEW" })).toEqual(["Review in sport by Ann and Bo"]);
    expect((await headlines(writer, { mine: true })).sort()).toEqual(["Draft in city by Ann", "Review in sport by Ann and Bo"]);
    expect(await headlines(editor, { mine: true })).toEqual(["Draft in sport by Bo"]);
    // Writers see every article, not only their own.
    expect(await headlines(writer)).toHaveLength(4);
  });

  it("names who started an article and who saved it last, with the authors in their order", async () => {
    const id = await article("Saved twice", { authorIds: [bo, ann], by: writer });
    await db.articleRevision.create({ data: { articleId: id, number: 1, content: {}, staffUserId: writer.id, createdAt: new Date(Date.now() - HOUR) } });
    const last = new Date();
    await db.articleRevision.create({ data: { articleId: id, number: 2, content: {}, staffUserId: editor.id, createdAt: last } });
    const [row] = (await listNewsroomArticles(editor, NONE, 1)).rows;
    expect(row).toMatchObject({ headline: "Saved twice", authors: ["Bo", "Ann"], startedBy: "wren", lastSaved: { at: last, by: "edie" }, section: "City" });
  });

  it("lists scheduled articles in the order they go live, the rest most recently changed first", async () => {
    const now = Date.now();
    await article("Goes live third", { status: "SCHEDULED", scheduledFor: new Date(now + 3 * HOUR), createdAt: new Date(now - 1 * HOUR) });
    await article("Goes live first", { status: "SCHEDULED", scheduledFor: new Date(now + 1 * HOUR), createdAt: new Date(now - 3 * HOUR) });
    await article("Goes live second", { status: "SCHEDULED", scheduledFor: new Date(now + 2 * HOUR), createdAt: new Date(now - 2 * HOUR) });
    expect(await headlines(editor, { status: "SCHEDULED" })).toEqual(["Goes live first", "Goes live second", "Goes live third"]);

    // Changed: the later of the last revision and the publication, the creation only when there is neither. An
    // imported story (no revision) created after its publication counts from its publication.
    const old = await article("Started long ago, saved just now", { createdAt: new Date(now - 48 * HOUR) });
    await db.articleRevision.create({ data: { articleId: old, number: 1, content: {}, staffUserId: writer.id, createdAt: new Date(now - 60_000) } });
    await article("Published a minute and a half ago", { status: "PUBLISHED", createdAt: new Date(now - 50 * HOUR), publishedAt: new Date(now - 90_000) });
    await article("Started just now", { createdAt: new Date(now) });
    await article("Imported just now, published a week ago", { status: "PUBLISHED", createdAt: new Date(now), publishedAt: new Date(now - 168 * HOUR) });
    expect(await headlines(editor)).toEqual([
      "Started just now",
      "Started long ago, saved just now",
      "Published a minute and a half ago",
      "Goes live third",
      "Goes live second",
      "Goes live first",
      "Imported just now, published a week ago",
    ]);
  });

  it("searches headlines with % and _ meaning themselves, in any case", async () => {
    await article("Rates rise 5% in May");
    await article("Rates rise 50 points");
    await article("snake_case wins");
    await article("snakeXcase loses");
    await article("A back\\slash story");
    expect(await headlines(editor, { q: "5%" })).toEqual(["Rates rise 5% in May"]);
    expect(await headlines(editor, { q: "E_C" })).toEqual(["snake_case wins"]);
    expect(await headlines(editor, { q: "k\\s" })).toEqual(["A back\\slash story"]);
    expect(await headlines(editor, { q: "%" })).toEqual(["Rates rise 5% in May"]);
  });

  it("pages by 50, keeping the order across pages", async () => {
    const now = Date.now();
    for (let n = 0; n < NEWSROOM_PAGE_SIZE + 2; n += 1) await article(`Story ${n}`, { createdAt: new Date(now - n * 1000) });
    const first = await listNewsroomArticles(editor, NONE, 1);
    const second = await listNewsroomArticles(editor, NONE, 2);
    expect(first.rows).toHaveLength(NEWSROOM_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    expect(second.rows.map((row) => row.headline)).toEqual([`Story ${NEWSROOM_PAGE_SIZE}`, `Story ${NEWSROOM_PAGE_SIZE + 1}`]);
    expect(second.hasMore).toBe(false);
  });

  it("refuses anyone who cannot write, reading nothing", async () => {
    await article("Secret draft");
    const { id } = await upsertStaffUser(db, { email: "mo@example.com", name: "mo", password: "a-long-password-3", role: "MODERATOR" });
    const moderator: StaffIdentity = { id, email: "mo@example.com", name: "mo", role: "MODERATOR" };
    await expect(listNewsroomArticles(moderator, NONE, 1)).rejects.toBeInstanceOf(StaffOnly);
    await expect(listNewsroomArticles(null as unknown as StaffIdentity, NONE, 1)).rejects.toBeInstanceOf(StaffOnly);
  });

  it("reads the list's address calmly: a value it does not understand is no filter", () => {
    expect(newsroomArticlesQuerySchema.parse({ status: "SCHEDULED", section: "2", author: "3", q: "  harbour ", mine: "1", page: "2" })).toEqual({
      status: "SCHEDULED",
      section: 2,
      author: 3,
      q: "harbour",
      mine: true,
      page: 2,
    });
    expect(newsroomArticlesQuerySchema.parse({ status: "LOST", section: "x", author: "-1", q: ["", "b"], mine: "yes", page: "0" })).toEqual({
      ...NONE,
      page: 1,
    });
    expect(newsroomArticlesQuerySchema.parse({ section: "99999999999", q: "\u0000" })).toEqual({ ...NONE, page: 1 });
    // The list's own address, with no query at all.
    expect(newsroomArticlesQuerySchema.parse({})).toEqual({ ...NONE, page: 1 });
  });
});
