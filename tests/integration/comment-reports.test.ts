import { beforeEach, describe, expect, it } from "vitest";
import { REPORT_LIMIT, reportComment, type NewReport } from "@/lib/data/comments/comment-reports";
import { listApprovedComments } from "@/lib/data/comments/comments";
import { moderateComments, undoLastBatch } from "@/lib/data/moderation/moderation";
import { listCommentsForModeration } from "@/lib/data/moderation/moderation-queue";
import { countReportedComments, dismissReports } from "@/lib/data/moderation/report-review";
import { updateCommentSettings } from "@/lib/data/site/settings";
import { createArticle, createModerator, db, resetDatabase } from "../helpers/integration-db";
import { MODERATOR } from "../helpers/staff-identities";

let staffId: number;
let articleId: number;

beforeEach(async () => {
  await resetDatabase();
  staffId = await createModerator();
  articleId = (await createArticle()).id;
});

async function approvedComment(body = "A published remark") {
  return db.comment.create({
    data: { articleId, authorName: "Ray", authorEmail: "ray@example.com", body, status: "APPROVED", heldReasons: ["moderation_mode_hold_all"] },
  });
}

const report = (commentId: number, reporterHash: string, reason: NewReport["reason"] = "ABUSIVE", note: string | null = null) =>
  reportComment({ commentId, reporterHash, reason, note });

const stored = (commentId: number) => db.comment.findUniqueOrThrow({ where: { id: commentId }, select: { status: true, heldReasons: true } });

describe("one reader's reports", () => {
  it("count once per reader and comment: a second report from the same reader changes nothing", async () => {
    const comment = await approvedComment();
    expect(await report(comment.id, "reader-a", "SPAM")).toEqual({ ok: true, articleId, alreadyReported: false, hidden: false });
    expect(await report(comment.id, "reader-a", "ABUSIVE")).toEqual({ ok: true, articleId, alreadyReported: true, hidden: false });
    const rows = await db.commentReport.findMany({ where: { commentId: comment.id } });
    expect(rows).toEqual([expect.objectContaining({ reporterHash: "reader-a", reason: "SPAM", resolvedAt: null })]);
  });

  it("count once even when the same reader's two reports arrive at the same moment", async () => {
    const comment = await approvedComment();
    const results = await Promise.all([report(comment.id, "reader-a"), report(comment.id, "reader-a")]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await db.commentReport.count({ where: { commentId: comment.id } })).toBe(1);
  });

  it("are rate-limited across comments, without holding back other readers", async () => {
    const comments = [];
    for (let index = 0; index <= REPORT_LIMIT.points; index += 1) comments.push(await approvedComment(`Remark ${index}`));
    for (const comment of comments.slice(0, REPORT_LIMIT.points))
      expect(await report(comment.id, "busy-reader")).toMatchObject({ ok: true, alreadyReported: false });
    // Repeating a report already made is not a new report and is still answered kindly.
    expect(await report(comments[0]!.id, "busy-reader")).toMatchObject({ ok: true, alreadyReported: true });

    const refused = await report(comments.at(-1)!.id, "busy-reader");
    expect(refused).toMatchObject({ ok: false, error: "rate_limited" });
    expect(refused.ok === false && refused.error === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.commentReport.count({ where: { commentId: comments.at(-1)!.id } })).toBe(0);
    expect(await report(comments.at(-1)!.id, "another-reader")).toMatchObject({ ok: true, alreadyReported: false });
  });

  it("are refused for comments that are not published, storing nothing", async () => {
    const pending = await db.comment.create({ data: { articleId, authorName: "P", authorEmail: "p@example.com", body: "Held" } });
    const draft = await createArticle({ status: "DRAFT" });
    const onDraft = await db.comment.create({ data: { articleId: draft.id, authorName: "D", authorEmail: "d@example.com", body: "x", status: "APPROVED" } });
    expect(await report(pending.id, "reader-a")).toEqual({ ok: false, error: "not_found" });
    expect(await report(onDraft.id, "reader-a")).toEqual({ ok: false, error: "not_found" });
    expect(await report(987_654, "reader-a")).toEqual({ ok: false, error: "not_found" });
    expect(await db.commentReport.count()).toBe(0);
  });
});

describe("the report threshold", () => {
  it("hides an approved comment for review when its open reports reach the threshold (3 by default)", async () => {
    const comment = await approvedComment();
    expect(await report(comment.id, "reader-1")).toMatchObject({ hidden: false });
    expect(await report(comment.id, "reader-2")).toMatchObject({ hidden: false });
    expect(await stored(comment.id)).toEqual({ status: "APPROVED", heldReasons: ["moderation_mode_hold_all"] });
    expect(await report(comment.id, "reader-3", "OTHER", "Names a private person")).toMatchObject({ hidden: true });
    expect(await stored(comment.id)).toEqual({ status: "PENDING", heldReasons: ["reported"] });
    expect(await listApprovedComments(articleId)).toEqual([]);
  });

  it("keeps a staff reply on the page however many readers report it, listing it with its reports", async () => {
    const reply = await db.comment.create({
      data: { articleId, authorName: "The desk", authorEmail: "desk@example.com", body: "A correction", status: "APPROVED", staffAuthorId: staffId },
    });
    for (const reader of ["reader-1", "reader-2", "reader-3", "reader-4"]) expect(await report(reply.id, reader)).toMatchObject({ ok: true, hidden: false });
    expect((await stored(reply.id)).status).toBe("APPROVED");
    expect((await listApprovedComments(articleId)).map((comment) => comment.id)).toEqual([reply.id]);
    expect(await countReportedComments()).toBe(1);
  });

  it("follows the site's setting", async () => {
    await updateCommentSettings({ reportThreshold: 1 });
    const comment = await approvedComment();
    expect(await report(comment.id, "reader-1")).toMatchObject({ hidden: true });
    expect((await stored(comment.id)).status).toBe("PENDING");
  });

  it("still counts a report that arrives just after other readers' reports hid the comment", async () => {
    await updateCommentSettings({ reportThreshold: 1 });
    const comment = await approvedComment();
    expect(await report(comment.id, "reader-1")).toMatchObject({ hidden: true });
    expect(await report(comment.id, "reader-2")).toMatchObject({ ok: true, alreadyReported: false, hidden: false });
    expect(await db.commentReport.count({ where: { commentId: comment.id } })).toBe(2);
    expect(await stored(comment.id)).toEqual({ status: "PENDING", heldReasons: ["reported"] });
  });

  it("moves the comment exactly once when the reports arrive at the same moment", async () => {
    for (const [before, together] of [
      [0, 6],
      [1, 2],
      [2, 1],
    ] as const) {
      const comment = await approvedComment(`Concurrent ${before}`);
      for (let index = 0; index < before; index += 1) await report(comment.id, `early-${before}-${index}`);
      const results = await Promise.all(Array.from({ length: together }, (_, index) => report(comment.id, `late-${before}-${index}`)));
      expect(results.filter((result) => result.ok && result.hidden)).toHaveLength(1);
      expect(await stored(comment.id)).toEqual({ status: "PENDING", heldReasons: ["reported"] });
      expect(await db.commentReport.count({ where: { commentId: comment.id } })).toBe(before + together);
    }
  });
});

describe("reports in the moderation queue", () => {
  const reported = { status: "REPORTED", page: 1, order: "oldest", articleId: null, reason: null, search: null } as const;

  it("lists visible and hidden reported comments with counts, reasons and readers' words, never who reported", async () => {
    const visible = await approvedComment("Still visible");
    const hidden = await approvedComment("Hidden now");
    await approvedComment("Never reported");
    await report(visible.id, "reader-secret-1", "OFF_TOPIC");
    for (const [index, reason] of (["SPAM", "SPAM", "OTHER"] as const).entries())
      await report(hidden.id, `reader-secret-${index + 2}`, reason, reason === "OTHER" ? "Advert in disguise" : null);

    const { comments, total } = await listCommentsForModeration(MODERATOR, reported);
    expect(total).toBe(2);
    expect(await countReportedComments()).toBe(2);
    expect(comments.map((comment) => [comment.body, comment.status, comment.reports])).toEqual([
      ["Still visible", "APPROVED", { total: 1, reasons: [{ reason: "OFF_TOPIC", count: 1 }], notes: [] }],
      [
        "Hidden now",
        "PENDING",
        {
          total: 3,
          reasons: [
            { reason: "SPAM", count: 2 },
            { reason: "OTHER", count: 1 },
          ],
          notes: ["Advert in disguise"],
        },
      ],
    ]);
    expect(JSON.stringify(comments)).not.toContain("reader-secret");
  });

  it("dismissing publishes a hidden comment again, closes its reports and is audited; a second dismissal changes nothing", async () => {
    const comment = await approvedComment();
    for (const reader of ["r1", "r2", "r3"]) await report(comment.id, reader, "ABUSIVE");
    expect(await dismissReports(staffId, comment.id, "PENDING")).toEqual({ ok: true, articleId, republished: true });
    expect(await stored(comment.id)).toEqual({ status: "APPROVED", heldReasons: [] });
    expect(await db.commentReport.findMany({ where: { commentId: comment.id }, select: { resolution: true } })).toEqual(
      Array(3).fill({ resolution: "DISMISSED" }),
    );
    expect(
      await db.moderationAction.findMany({
        where: { commentId: comment.id },
        select: { action: true, fromStatus: true, toStatus: true, reason: true, staffUserId: true },
      }),
    ).toEqual([
      { action: "dismiss_reports", fromStatus: "PENDING", toStatus: "APPROVED", reason: "Dismissed 3 reports (Abusive or hateful: 3)", staffUserId: staffId },
    ]);
    expect(await countReportedComments()).toBe(0);
    expect(await dismissReports(staffId, comment.id, "APPROVED")).toMatchObject({ ok: false, error: "conflict" });
    expect(await db.moderationAction.count()).toBe(1);
    // Dismissed reports no longer count: the comment needs three new readers to be hidden again.
    expect(await report(comment.id, "r4")).toMatchObject({ hidden: false });
  });

  it("acting on a reported comment resolves its reports in the same batch, and undo still takes the comment back", async () => {
    const comment = await approvedComment();
    await report(comment.id, "r1", "SPAM");
    const { results } = await moderateComments(staffId, "spam", [{ commentId: comment.id, expectedStatus: "APPROVED" }]);
    expect(results[0]?.result.ok).toBe(true);
    expect(await db.commentReport.findFirstOrThrow({ where: { commentId: comment.id } })).toMatchObject({ resolution: "ACTED", resolvedAt: expect.any(Date) });
    const audit = await db.moderationAction.findMany({ where: { commentId: comment.id }, orderBy: { id: "asc" } });
    expect(audit.map((row) => [row.action, row.reason, row.batchId === audit[1]?.batchId])).toEqual([
      ["resolve_reports", "Resolved 1 report (Spam or advertising: 1) by spam", true],
      ["spam", null, true],
    ]);
    expect(await undoLastBatch(staffId)).toEqual({ undone: 1, skipped: 0, articleIds: [articleId] });
    expect((await stored(comment.id)).status).toBe("APPROVED");
  });

  it("refuses to dismiss reports of a comment another moderator has moved on", async () => {
    const comment = await approvedComment();
    await report(comment.id, "r1");
    await db.comment.update({ where: { id: comment.id }, data: { status: "TRASH" } });
    expect(await dismissReports(staffId, comment.id)).toMatchObject({ ok: false, error: "conflict" });
    expect(await db.commentReport.count({ where: { resolvedAt: null } })).toBe(1);
  });
});
