import { beforeEach, describe, expect, it } from "vitest";
import { countCommentsByStatus, listCommentsForModeration, moderateComment } from "@/lib/data/moderation";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

let staffId: number;
let articleId: number;

beforeEach(async () => {
  await resetDatabase();
  staffId = (await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password: "a-long-password-1" })).id;
  articleId = (await createArticle()).id;
});

async function pendingComment(body = "Held") {
  return db.comment.create({ data: { articleId, authorName: "Ray", authorEmail: "ray@example.com", body, heldReasons: ["moderation_mode_hold_all"] } });
}

describe("moderateComment", () => {
  it("approves a pending comment and writes one audit row in the same transaction", async () => {
    const comment = await pendingComment();
    const result = await moderateComment({ staffUserId: staffId, commentId: comment.id, action: "approve", expectedStatus: "PENDING" });
    expect(result).toEqual({ ok: true, articleId, from: "PENDING", to: "APPROVED" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("APPROVED");
    const audit = await db.moderationAction.findMany({ where: { commentId: comment.id } });
    expect(audit).toEqual([expect.objectContaining({ staffUserId: staffId, action: "approve", fromStatus: "PENDING", toStatus: "APPROVED" })]);
  });

  it("refuses a transition the state machine does not allow, changing nothing", async () => {
    const comment = await pendingComment();
    const result = await moderateComment({ staffUserId: staffId, commentId: comment.id, action: "restore" });
    expect(result).toMatchObject({ ok: false, error: "not_allowed" });
    expect(await db.moderationAction.count()).toBe(0);
  });

  it("tells the second moderator that someone acted first instead of overwriting", async () => {
    const comment = await pendingComment();
    await moderateComment({ staffUserId: staffId, commentId: comment.id, action: "spam", expectedStatus: "PENDING" });
    const late = await moderateComment({ staffUserId: staffId, commentId: comment.id, action: "approve", expectedStatus: "PENDING" });
    expect(late).toEqual({ ok: false, error: "conflict", message: "Another moderator acted on this comment first. It is now spam." });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("SPAM");
  });

  it("lets exactly one of two simultaneous decisions on a pending comment win", async () => {
    const comment = await pendingComment();
    const results = await Promise.all([
      moderateComment({ staffUserId: staffId, commentId: comment.id, action: "approve", expectedStatus: "PENDING" }),
      moderateComment({ staffUserId: staffId, commentId: comment.id, action: "reject", expectedStatus: "PENDING" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.moderationAction.count({ where: { commentId: comment.id } })).toBe(1);
  });

  it("answers a missing comment calmly", async () => {
    expect(await moderateComment({ staffUserId: staffId, commentId: 987_654, action: "approve" })).toMatchObject({ ok: false, error: "not_found" });
  });
});

describe("the moderation queue", () => {
  it("lists held comments newest first with the staff-only fields, and counts every status", async () => {
    const older = await pendingComment("older");
    const newer = await pendingComment("newer");
    await db.comment.update({ where: { id: older.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await db.comment.create({ data: { articleId, authorName: "Ok", authorEmail: "ok@example.com", body: "fine", status: "APPROVED" } });

    const queue = await listCommentsForModeration("PENDING");
    expect(queue.map((comment) => comment.id)).toEqual([newer.id, older.id]);
    expect(queue[0]).toMatchObject({ authorEmail: "ray@example.com", heldReasons: ["moderation_mode_hold_all"], article: { id: articleId } });
    expect(await countCommentsByStatus()).toEqual({ UNCONFIRMED: 0, PENDING: 2, APPROVED: 1, REJECTED: 0, SPAM: 0, TRASH: 0 });
  });
});
