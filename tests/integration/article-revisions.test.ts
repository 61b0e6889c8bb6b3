import { beforeEach, describe, expect, it } from "vitest";
import { restoreRevision, saveArticleContent, startArticle } from "@/lib/data/newsroom/article-editing";
import { countArticleRevisions, findRevisionPair, listArticleRevisions, type RevisionPair } from "@/lib/data/newsroom/article-revisions";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { diffRevisions } from "@/lib/newsroom/revision-diff";
import type { ArticleContentInput } from "@/lib/validation/article-content";
import { createStaffMember, db, resetDatabase } from "../helpers/integration-db";

let writer: StaffIdentity;
let editor: StaffIdentity;
let moderator: StaffIdentity;
let city: number;
let business: number;

beforeEach(async () => {
  await resetDatabase();
  writer = await createStaffMember("wren@example.com", "WRITER");
  editor = await createStaffMember("edie@example.com", "EDITOR");
  moderator = await createStaffMember("mo@example.com", "MODERATOR");
  city = (await db.section.create({ data: { slug: "city", name: "City" } })).id;
  business = (await db.section.create({ data: { slug: "business", name: "Business" } })).id;
});

const content = (headline: string, text: string, extra: Partial<ArticleContentInput> = {}): ArticleContentInput => ({
  headline,
  sectionId: city,
  kind: "NEWS",
  body: [{ type: "paragraph", text }],
  ...extra,
});

async function saved(staff: StaffIdentity, articleId: number, version: number, input: ArticleContentInput, substantive = false) {
  const outcome = await saveArticleContent(staff, articleId, version, input, { substantive });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

const namesOf = (pair: RevisionPair) => ({
  section: (id: number) => pair.names.sections.get(id),
  author: (id: number) => pair.names.authors.get(id),
  tag: (id: number) => pair.names.tags.get(id),
  slug: (id: number) => pair.names.slugs.get(id),
});

describe("an article's revisions", () => {
  it("lists every revision, the latest first, with who saved it, when, the substantive mark and what a restore brought back", async () => {
    const started = await startArticle(writer, content("Ferry fares frozen", "The ferry leaves at nine."));
    if (!started.ok) throw new Error(started.message);
    const { articleId } = started;
    await saved(writer, articleId, 1, content("Ferry fares frozen", "The ferry leaves at ten."));
    await saved(editor, articleId, 2, content("Ferry fares frozen for a year", "The ferry leaves at ten."), true);
    const restored = await restoreRevision(editor, articleId, 1, 3);
    expect(restored).toMatchObject({ ok: true, version: 4, revision: 4 });
    // Whoever saved revision 2 has since left: deleting an account keeps its revisions, without a name.
    await db.articleRevision.update({ where: { articleId_number: { articleId, number: 2 } }, data: { staffUserId: null } });

    const revisions = await listArticleRevisions(editor, articleId);
    expect(revisions.map(({ number, savedBy, substantive, restores }) => ({ number, savedBy, substantive, restores }))).toEqual([
      { number: 4, savedBy: "edie", substantive: false, restores: 1 },
      { number: 3, savedBy: "edie", substantive: true, restores: null },
      { number: 2, savedBy: null, substantive: false, restores: null },
      { number: 1, savedBy: "wren", substantive: false, restores: null },
    ]);
    const stored = await db.articleRevision.findMany({ where: { articleId }, orderBy: { number: "desc" }, select: { createdAt: true } });
    expect(revisions.map((revision) => revision.savedAt)).toEqual(stored.map((revision) => revision.createdAt.toISOString()));
    expect(await countArticleRevisions(writer, articleId)).toBe(4);
    // Another article's history is its own.
    expect(await listArticleRevisions(editor, articleId + 1)).toEqual([]);
  });

  it("reads two revisions with the names their ids stand for, and their difference by field and line", async () => {
    const author = await db.author.create({ data: { slug: "ann", name: "Ann Other" } });
    const tag = await db.tag.create({ data: { slug: "ferries", name: "Ferries" } });
    const linked = await startArticle(editor, content("Budget vote", "The council voted."));
    if (!linked.ok) throw new Error(linked.message);
    const started = await startArticle(editor, content("Ferry fares frozen", "The ferry leaves at nine."));
    if (!started.ok) throw new Error(started.message);
    const { articleId } = started;
    await saved(
      editor,
      articleId,
      1,
      content("Ferry fares frozen", "The ferry leaves at ten.", {
        sectionId: business,
        authorIds: [author.id],
        tagIds: [tag.id],
        body: [
          { type: "paragraph", text: "The ferry leaves at ten." },
          { type: "readAlso", articleId: linked.articleId },
        ],
        commentsOpen: false,
      }),
    );

    const pair = await findRevisionPair(editor, articleId, 1, 2);
    expect(pair).not.toBeNull();
    expect([pair!.from.number, pair!.to.number]).toEqual([1, 2]);
    expect(pair!.to.content).toMatchObject({ sectionId: business, authorIds: [author.id], tagIds: [tag.id], commentsOpen: false });
    const diff = diffRevisions(pair!.from.content, pair!.to.content, namesOf(pair!));
    expect(diff.fields.map((change) => [change.field, ...[change.before, change.after].map((side) => side.map((part) => part.text).join(""))])).toEqual([
      ["Section", "City", "Business"],
      ["Authors", "", "Ann Other"],
      ["Topics", "", "Ferries"],
      ["Comments", "open", "closed"],
    ]);
    expect(diff.body).toEqual([
      {
        kind: "removed",
        segments: [
          { text: "The ferry leaves at ", changed: false },
          { text: "nine", changed: true },
          { text: ".", changed: false },
        ],
      },
      {
        kind: "added",
        segments: [
          { text: "The ferry leaves at ", changed: false },
          { text: "ten", changed: true },
          { text: ".", changed: false },
        ],
      },
      { kind: "added", segments: [{ text: "", changed: false }] },
      { kind: "added", segments: [{ text: "READ ALSO: budget-vote", changed: false }] },
    ]);

    // Either order, and a revision that does not exist is no pair at all.
    expect((await findRevisionPair(editor, articleId, 2, 1))?.from.number).toBe(2);
    expect(await findRevisionPair(editor, articleId, 1, 3)).toBeNull();
  });

  it("gives a writer nothing of another writer's draft", async () => {
    const otherWriter = await createStaffMember("otto@example.com", "WRITER");
    const started = await startArticle(writer, content("Ferry fares frozen", "The ferry leaves at nine."));
    if (!started.ok) throw new Error(started.message);
    await saved(writer, started.articleId, 1, content("Ferry fares frozen", "The ferry leaves at ten."));
    expect(await listArticleRevisions(otherWriter, started.articleId)).toEqual([]);
    expect(await countArticleRevisions(otherWriter, started.articleId)).toBe(0);
    expect(await findRevisionPair(otherWriter, started.articleId, 1, 2)).toBeNull();
    expect(await listArticleRevisions(editor, started.articleId)).toHaveLength(2);
  });

  it("gives a member who does not write nothing", async () => {
    const started = await startArticle(writer, content("Ferry fares frozen", "The ferry leaves at nine."));
    if (!started.ok) throw new Error(started.message);
    await saved(writer, started.articleId, 1, content("Ferry fares frozen", "The ferry leaves at ten."));
    expect(await listArticleRevisions(moderator, started.articleId)).toEqual([]);
    expect(await countArticleRevisions(moderator, started.articleId)).toBe(0);
    expect(await findRevisionPair(moderator, started.articleId, 1, 2)).toBeNull();
    expect(await listArticleRevisions(writer, started.articleId)).toHaveLength(2);
  });
});
