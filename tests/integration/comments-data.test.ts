import { beforeEach, describe, expect, it } from "vitest";
import { createHeldComment, listApprovedComments, listOwnPendingComments } from "@/lib/data/comments";
import type { CommentInput } from "@/lib/validation/comment";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

function input(articleId: number, overrides: Partial<CommentInput> = {}): CommentInput {
  return { articleId, parentId: null, name: "Kim Reader", email: "kim@example.com", website: null, body: "Well reported.", ...overrides };
}

beforeEach(resetDatabase);

describe("createHeldComment", () => {
  it("stores a new comment as pending with the reasons it was held", async () => {
    const article = await createArticle({ slug: "held" });
    const result = await createHeldComment(input(article.id, { website: "https://kim.example.org" }), ["moderation_mode_hold_all"]);
    expect(result).toEqual({ ok: true, id: expect.any(Number), articleSlug: "held" });
    const row = await db.comment.findUniqueOrThrow({ where: { id: result.ok ? result.id : 0 } });
    expect(row).toMatchObject({
      status: "PENDING",
      heldReasons: ["moderation_mode_hold_all"],
      authorEmail: "kim@example.com",
      authorWebsite: "https://kim.example.org",
    });
  });

  it("accepts a reply to an approved comment of the same article", async () => {
    const article = await createArticle();
    const parent = await db.comment.create({ data: { ...row(article.id), status: "APPROVED" } });
    const result = await createHeldComment(input(article.id, { parentId: parent.id }), []);
    expect(result.ok).toBe(true);
  });

  it("answers a missing, pending or foreign parent with one identical error and stores nothing", async () => {
    const article = await createArticle();
    const other = await createArticle();
    const pending = await db.comment.create({ data: { ...row(article.id), status: "PENDING" } });
    const foreign = await db.comment.create({ data: { ...row(other.id), status: "APPROVED" } });
    const before = await db.comment.count();
    const answers = [];
    for (const parentId of [999_999, pending.id, foreign.id]) {
      answers.push(await createHeldComment(input(article.id, { parentId }), []));
    }
    expect(answers).toEqual(Array(3).fill({ ok: false, errors: { parentId: "The comment you are replying to is not available" } }));
    expect(await db.comment.count()).toBe(before);
  });

  it("refuses comments on closed, draft or missing articles", async () => {
    const closed = await createArticle({ commentsOpen: false });
    const draft = await createArticle({ status: "DRAFT" });
    for (const articleId of [closed.id, draft.id, 424_242]) {
      expect(await createHeldComment(input(articleId), [])).toEqual({ ok: false, errors: { form: "Comments are closed on this article" } });
    }
    expect(await db.comment.count()).toBe(0);
  });
});

describe("public comment reads", () => {
  it("list only approved comments, oldest first, without any email", async () => {
    const article = await createArticle();
    await db.comment.create({ data: { ...row(article.id), status: "APPROVED", body: "second", createdAt: new Date("2026-01-02") } });
    await db.comment.create({ data: { ...row(article.id), status: "APPROVED", body: "first", createdAt: new Date("2026-01-01") } });
    for (const status of ["PENDING", "REJECTED", "SPAM", "TRASH"] as const) {
      await db.comment.create({ data: { ...row(article.id), status, body: status } });
    }
    const comments = await listApprovedComments(article.id);
    expect(comments.map((comment) => comment.body)).toEqual(["first", "second"]);
    expect(JSON.stringify(comments)).not.toContain("@");
    expect(Object.keys(comments[0]!).sort()).toEqual(["authorName", "authorWebsite", "body", "createdAt", "id", "parentId"]);
  });

  it("show an author's own comments only while pending and only on their article", async () => {
    const article = await createArticle();
    const other = await createArticle();
    const mine = await db.comment.create({ data: { ...row(article.id), status: "PENDING", body: "mine" } });
    const approved = await db.comment.create({ data: { ...row(article.id), status: "APPROVED" } });
    const elsewhere = await db.comment.create({ data: { ...row(other.id), status: "PENDING" } });
    const someoneElses = await db.comment.create({ data: { ...row(article.id), status: "PENDING", body: "theirs" } });
    const shown = await listOwnPendingComments(article.id, [mine.id, approved.id, elsewhere.id]);
    expect(shown.map((comment) => comment.id)).toEqual([mine.id]);
    expect(shown.map((comment) => comment.id)).not.toContain(someoneElses.id);
    expect(await listOwnPendingComments(article.id, [])).toEqual([]);
  });
});

function row(articleId: number) {
  return { articleId, authorName: "Lee", authorEmail: "lee@example.com", body: "text" };
}
