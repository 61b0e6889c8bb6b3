import { beforeEach, describe, expect, it } from "vitest";
import { listApprovedComments, listOwnUnpublishedComments } from "@/lib/data/comments/comments";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

beforeEach(resetDatabase);

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
    expect(Object.keys(comments[0]!).sort()).toEqual(["authorName", "authorWebsite", "body", "createdAt", "id", "isStaff", "parentId"]);
  });

  it("show an author's own comments only while waiting or refused, with the reason, and only on their article", async () => {
    const article = await createArticle();
    const other = await createArticle();
    const mine = await db.comment.create({ data: { ...row(article.id), status: "PENDING", body: "mine" } });
    const unconfirmed = await db.comment.create({ data: { ...row(article.id), status: "UNCONFIRMED", body: "mine too" } });
    const approved = await db.comment.create({ data: { ...row(article.id), status: "APPROVED" } });
    const refused = await db.comment.create({ data: { ...row(article.id), status: "REJECTED", statusReason: "Off topic." } });
    const spam = await db.comment.create({ data: { ...row(article.id), status: "SPAM" } });
    const elsewhere = await db.comment.create({ data: { ...row(other.id), status: "PENDING" } });
    const someoneElses = await db.comment.create({ data: { ...row(article.id), status: "PENDING", body: "theirs" } });
    const shown = await listOwnUnpublishedComments(article.id, [mine.id, unconfirmed.id, approved.id, refused.id, spam.id, elsewhere.id]);
    expect(shown.map((comment) => [comment.id, comment.own])).toEqual([
      [mine.id, { state: "moderation", reason: null }],
      [unconfirmed.id, { state: "confirmation", reason: null }],
      [refused.id, { state: "refused", reason: "Off topic." }],
    ]);
    expect(shown.map((comment) => comment.id)).not.toContain(someoneElses.id);
    expect(await listOwnUnpublishedComments(article.id, [])).toEqual([]);
  });
});

function row(articleId: number) {
  return { articleId, authorName: "Lee", authorEmail: "lee@example.com", body: "text" };
}
