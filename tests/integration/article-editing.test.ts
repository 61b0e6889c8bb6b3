import { beforeEach, describe, expect, it } from "vitest";
import { moveArticleStatus, publishDueArticles, restoreRevision, saveArticleContent, startArticle } from "@/lib/data/newsroom/article-editing";
import { setArticleCommentsOpen } from "@/lib/data/site/settings";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import type { ArticleStatusName, EditorialActionName } from "@/lib/newsroom/workflow";
import { createStaffMember, db, resetDatabase } from "../helpers/integration-db";

let writer: StaffIdentity;
let otherWriter: StaffIdentity;
let editor: StaffIdentity;
let sectionId: number;

beforeEach(async () => {
  await resetDatabase();
  writer = await createStaffMember("wren@example.com", "WRITER");
  otherWriter = await createStaffMember("otto@example.com", "WRITER");
  editor = await createStaffMember("edie@example.com", "EDITOR");
  sectionId = (await db.section.create({ data: { slug: "city", name: "City" } })).id;
});

const content = (headline: string, text = "First paragraph.") => ({
  headline,
  sectionId,
  kind: "NEWS" as const,
  body: [{ type: "paragraph" as const, text }],
});

async function started(headline = "Harbour café reopens") {
  const outcome = await startArticle(writer, content(headline));
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe("the newsroom's workflow on the database", () => {
  it("takes a draft from its writer through review to publication, each move audited", async () => {
    const { articleId } = await started();
    expect(await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { slug: true, status: true, createdById: true } })).toEqual({
      slug: "harbour-cafe-reopens",
      status: "DRAFT",
      createdById: writer.id,
    });
    expect(await moveArticleStatus(writer, articleId, 1, "submit")).toMatchObject({ ok: true, version: 2, status: "IN_REVIEW" });
    // The writer may not publish, even by sending the request by hand.
    expect(await moveArticleStatus(writer, articleId, 2, "publish")).toEqual({
      ok: false,
      error: "not_allowed",
      message: "Your role cannot publish articles.",
    });
    expect(await moveArticleStatus(editor, articleId, 2, "publish")).toMatchObject({ ok: true, version: 3, status: "PUBLISHED" });
    const published = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { publishedAt: true } });
    expect(published.publishedAt).not.toBeNull();
    expect(await moveArticleStatus(editor, articleId, 3, "unpublish")).toMatchObject({ ok: true, status: "UNPUBLISHED" });
    expect(await moveArticleStatus(editor, articleId, 4, "publish")).toMatchObject({ ok: true, status: "PUBLISHED" });
    // Back after a pause, it keeps its first publication time.
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { publishedAt: true } })).publishedAt).toEqual(published.publishedAt);

    const audit = await db.moderationAction.findMany({ where: { articleId }, orderBy: { id: "asc" }, select: { action: true, staffUserId: true } });
    expect(audit).toEqual([
      { action: "article_create", staffUserId: writer.id },
      { action: "article_submit", staffUserId: writer.id },
      { action: "article_publish", staffUserId: editor.id },
      { action: "article_unpublish", staffUserId: editor.id },
      { action: "article_publish", staffUserId: editor.id },
    ]);
  });

  it("follows the workflow table for every status and action an editor takes, auditing each move made and no other", async () => {
    const statuses: ArticleStatusName[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"];
    const actions: EditorialActionName[] = ["submit", "return", "schedule", "unschedule", "publish", "unpublish", "reopen"];
    const allowed: Record<string, string> = {};
    const { articleId } = await started();
    // The article's start is audited before the table's moves.
    let lastAuditId = (await db.moderationAction.findFirstOrThrow({ where: { articleId, action: "article_create" } })).id;
    for (const status of statuses) {
      for (const action of actions) {
        await db.article.update({ where: { id: articleId }, data: { status, version: 1 } });
        const outcome = await moveArticleStatus(editor, articleId, 1, action, { scheduledFor: new Date(Date.now() + 3_600_000) });
        const stored = (await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true } })).status;
        const audited = await db.moderationAction.findMany({
          where: { articleId, id: { gt: lastAuditId } },
          select: { id: true, action: true, staffUserId: true },
        });
        lastAuditId = Math.max(lastAuditId, ...audited.map((row) => row.id));
        if (outcome.ok) {
          allowed[`${status} ${action}`] = stored;
          expect(
            audited.map(({ action: audit, staffUserId }) => [audit, staffUserId]),
            `${status} ${action}`,
          ).toEqual([[`article_${action}`, editor.id]]);
        } else {
          expect(stored).toBe(status);
          expect(audited, `${status} ${action}`).toEqual([]);
        }
      }
    }
    expect(allowed).toEqual({
      "DRAFT submit": "IN_REVIEW",
      "DRAFT schedule": "SCHEDULED",
      "DRAFT publish": "PUBLISHED",
      "IN_REVIEW return": "DRAFT",
      "IN_REVIEW schedule": "SCHEDULED",
      "IN_REVIEW publish": "PUBLISHED",
      "SCHEDULED unschedule": "IN_REVIEW",
      "SCHEDULED publish": "PUBLISHED",
      "PUBLISHED unpublish": "UNPUBLISHED",
      "UNPUBLISHED schedule": "SCHEDULED",
      "UNPUBLISHED publish": "PUBLISHED",
      "UNPUBLISHED reopen": "DRAFT",
    });
  }, 30_000);

  it("audits closing and reopening an article's comments from the console, with who did it", async () => {
    const { articleId } = await started();
    expect(await setArticleCommentsOpen(editor.id, articleId, false)).toBe(true);
    expect(await setArticleCommentsOpen(editor.id, articleId, true)).toBe(true);
    expect(await setArticleCommentsOpen(editor.id, 987_654, false)).toBe(false);
    const audit = await db.moderationAction.findMany({
      where: { action: { startsWith: "article_comments" } },
      orderBy: { id: "asc" },
      select: { action: true, staffUserId: true, articleId: true },
    });
    expect(audit).toEqual([
      { action: "article_comments_close", staffUserId: editor.id, articleId },
      { action: "article_comments_open", staffUserId: editor.id, articleId },
    ]);
  });

  it("schedules only for a time to come, and the scheduler publishes each due article once", async () => {
    const { articleId } = await started();
    expect(await moveArticleStatus(editor, articleId, 1, "schedule", { scheduledFor: new Date(Date.now() - 1000) })).toMatchObject({
      ok: false,
      error: "invalid",
    });
    const at = new Date(Date.now() + 120_000);
    expect(await moveArticleStatus(editor, articleId, 1, "schedule", { scheduledFor: at })).toMatchObject({ ok: true, status: "SCHEDULED" });
    expect(await publishDueArticles(new Date(at.getTime() - 1000))).toEqual([]);
    const runs = await Promise.all([publishDueArticles(at), publishDueArticles(at), publishDueArticles(at)]);
    expect(runs.flat()).toEqual([articleId]);
    expect(await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, publishedAt: true, scheduledFor: true } })).toEqual({
      status: "PUBLISHED",
      publishedAt: at,
      scheduledFor: null,
    });
  });
});

describe("saving an article", () => {
  it("keeps every save as a numbered revision and restores an old one as a new revision", async () => {
    const { articleId } = await started("First headline");
    expect(await saveArticleContent(writer, articleId, 1, content("Second headline", "Changed."))).toMatchObject({ ok: true, version: 2 });
    expect(await restoreRevision(writer, articleId, 1, 2)).toMatchObject({ ok: true, version: 3 });
    const revisions = await db.articleRevision.findMany({
      where: { articleId },
      orderBy: { number: "asc" },
      select: { number: true, content: true, staffUserId: true },
    });
    expect(revisions.map((revision) => [revision.number, (revision.content as { headline: string }).headline])).toEqual([
      [1, "First headline"],
      [2, "Second headline"],
      [3, "First headline"],
    ]);
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).headline).toBe("First headline");
    expect((await db.moderationAction.findFirst({ where: { articleId, action: "article_restore" } }))?.reason).toBe("Revision 3 restores revision 1");
    // Each save is in the audit log too, with who made it.
    const audit = await db.moderationAction.findMany({ where: { articleId }, orderBy: { id: "asc" }, select: { action: true, staffUserId: true } });
    expect(audit).toEqual([
      { action: "article_create", staffUserId: writer.id },
      { action: "article_revise", staffUserId: writer.id },
      { action: "article_restore", staffUserId: writer.id },
    ]);
  });

  it("refuses a save made over a newer one, saying who saved, and changes nothing", async () => {
    const { articleId } = await started("Headline as opened");
    const [first, second] = await Promise.all([
      saveArticleContent(editor, articleId, 1, content("The editor's headline")),
      saveArticleContent(writer, articleId, 1, content("The writer's headline")),
    ]);
    const outcomes = [first!, second!];
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const refused = outcomes.find((outcome) => !outcome.ok)!;
    expect(refused).toMatchObject({ ok: false, error: "conflict" });
    const winner = outcomes.find((outcome) => outcome.ok) === first ? "edie" : "wren";
    expect(refused.ok === false && refused.error === "conflict" && refused.savedBy).toBe(winner);
    expect(await db.articleRevision.count({ where: { articleId } })).toBe(2);
  });

  it("lets writers edit and submit only their own drafts, editors any article, and refuses bad content with nothing stored", async () => {
    const { articleId } = await started();
    expect(await saveArticleContent(otherWriter, articleId, 1, content("Not mine"))).toMatchObject({ ok: false, error: "not_allowed" });
    expect(await moveArticleStatus(otherWriter, articleId, 1, "submit")).toMatchObject({ ok: false, error: "not_allowed" });
    expect(await restoreRevision(otherWriter, articleId, 1, 1)).toMatchObject({ ok: false, error: "not_allowed" });
    // The same author twice, or a section that does not exist: refused, not a server error.
    expect(await saveArticleContent(writer, articleId, 1, { ...content("Twice"), authorIds: [1, 1] })).toMatchObject({ ok: false, error: "invalid" });
    expect(await saveArticleContent(writer, articleId, 1, { ...content("Nowhere"), sectionId: 99_999 })).toMatchObject({
      ok: false,
      error: "invalid",
      message: "A section, author or topic you chose no longer exists. Reload and choose again.",
    });
    await moveArticleStatus(writer, articleId, 1, "submit");
    expect(await saveArticleContent(writer, articleId, 2, content("Too late"))).toMatchObject({ ok: false, error: "not_allowed" });
    expect(await saveArticleContent(editor, articleId, 2, content("An editor's fix"))).toMatchObject({ ok: true });
    expect(await saveArticleContent(editor, articleId, 3, { ...content(""), sectionId })).toEqual({
      ok: false,
      error: "invalid",
      message: "headline: Please give a headline",
    });
    expect(await db.articleRevision.count({ where: { articleId } })).toBe(2);
  });

  it("names whoever moved the article since it was opened, and leaves a rescheduled article for its new time", async () => {
    const { articleId } = await started();
    await moveArticleStatus(editor, articleId, 1, "schedule", { scheduledFor: new Date(Date.now() + 3_600_000) });
    expect(await saveArticleContent(editor, articleId, 1, content("Stale"))).toMatchObject({ ok: false, error: "conflict", savedBy: "edie" });
    const later = new Date(Date.now() + 7_200_000);
    await db.article.update({ where: { id: articleId }, data: { scheduledFor: later } });
    expect(await publishDueArticles(new Date(Date.now() + 3_700_000))).toEqual([]);
    expect(await publishDueArticles(later)).toEqual([articleId]);
  });

  it("shows Updated only when an editor marks a published article's change as substantive", async () => {
    const { articleId } = await started();
    await moveArticleStatus(editor, articleId, 1, "publish");
    await saveArticleContent(editor, articleId, 2, content("A typo fixed"));
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).updatedAt).toBeNull();
    await saveArticleContent(editor, articleId, 3, content("New figures added"), { substantive: true });
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).updatedAt).not.toBeNull();
  });

  it("gives a new article a free address, never one an article has or had", async () => {
    const first = await started("Ferry news");
    await db.articleSlugRedirect.create({ data: { slug: "ferry-news-2", articleId: first.articleId } });
    const second = await started("Ferry news");
    expect((await db.article.findUniqueOrThrow({ where: { id: second.articleId } })).slug).toBe("ferry-news-3");
  });
});
