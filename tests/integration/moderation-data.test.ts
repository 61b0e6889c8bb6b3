import { beforeEach, describe, expect, it } from "vitest";
import { listApprovedComments } from "@/lib/data/comments/comments";
import { moderateComment, moderateComments, undoLastBatch } from "@/lib/data/moderation/moderation";
import {
  countCommentsByStatus,
  listArticlesWithComments,
  listCommentsForModeration,
  QUEUE_PAGE_SIZE,
  type QueueQuery,
} from "@/lib/data/moderation/moderation-queue";
import { replyAsStaff } from "@/lib/data/moderation/staff-replies";
import { findActiveStaff } from "@/lib/data/staff/staff";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { createArticle, createModerator, db, resetDatabase } from "../helpers/integration-db";
import { MODERATOR } from "../helpers/staff-identities";

let staffId: number;
let articleId: number;

beforeEach(async () => {
  await resetDatabase();
  staffId = await createModerator();
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

  it("takes 100 decisions at once on different comments, each answered with its outcome", async () => {
    const comments = await Promise.all(Array.from({ length: 100 }, (_, index) => pendingComment(`many ${index}`)));
    const settled = await Promise.allSettled(
      comments.map((comment, index) =>
        moderateComment({ staffUserId: staffId, commentId: comment.id, action: index % 2 === 0 ? "approve" : "spam", expectedStatus: "PENDING" }),
      ),
    );
    const failures = settled.flatMap((outcome) =>
      outcome.status === "rejected"
        ? [
            String((outcome.reason as Error).message)
              .split("\n")
              .at(-1),
          ]
        : [],
    );
    expect(failures).toEqual([]);
    expect(settled.every((outcome) => outcome.status === "fulfilled" && outcome.value.ok)).toBe(true);
    const byStatus = await db.comment.groupBy({ by: ["status"], _count: true, where: { id: { in: comments.map((comment) => comment.id) } } });
    expect(Object.fromEntries(byStatus.map((row) => [row.status, row._count]))).toEqual({ APPROVED: 50, SPAM: 50 });
    expect(await db.moderationAction.count({ where: { commentId: { in: comments.map((comment) => comment.id) } } })).toBe(100);
  });

  it("waits its turn for a connection while every one is busy, rather than failing after two seconds", async () => {
    const comments = await Promise.all(Array.from({ length: 20 }, (_, index) => pendingComment(`busy ${index}`)));
    // Every connection of the pool (10) is held for 3 s by slow work, as under heavy load.
    const busy = Promise.all(Array.from({ length: 10 }, () => db.$transaction((tx) => tx.$executeRaw`SELECT pg_sleep(3)`, { timeout: 10_000 })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const decisions = await Promise.allSettled(comments.map((comment) => moderateComment({ staffUserId: staffId, commentId: comment.id, action: "approve" })));
    await busy;
    expect(decisions.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.ok : String(outcome.reason).split("\n").at(-1)))).toEqual(
      comments.map(() => true),
    );
    expect(await db.comment.count({ where: { id: { in: comments.map((comment) => comment.id) }, status: "APPROVED" } })).toBe(20);
  });

  it("answers a missing comment calmly", async () => {
    expect(await moderateComment({ staffUserId: staffId, commentId: 987_654, action: "approve" })).toMatchObject({ ok: false, error: "not_found" });
  });
});

describe("the moderation queue", () => {
  const base: QueueQuery = { status: "PENDING", page: 1, order: "oldest", articleId: null, reason: null, search: null };

  it("lists held comments oldest first (or newest first) with the staff-only fields, and counts every status", async () => {
    const older = await pendingComment("older");
    const newer = await pendingComment("newer");
    await db.comment.update({ where: { id: older.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await db.comment.create({ data: { articleId, authorName: "Ok", authorEmail: "ok@example.com", body: "fine", status: "APPROVED" } });

    const { comments, total } = await listCommentsForModeration(MODERATOR, base);
    expect(comments.map((comment) => comment.id)).toEqual([older.id, newer.id]);
    expect(total).toBe(2);
    expect(comments[0]).toMatchObject({ authorEmail: "ray@example.com", heldReasons: ["moderation_mode_hold_all"], article: { id: articleId } });
    expect((await listCommentsForModeration(MODERATOR, { ...base, order: "newest" })).comments.map((comment) => comment.id)).toEqual([newer.id, older.id]);
    expect(await countCommentsByStatus()).toEqual({ UNCONFIRMED: 0, PENDING: 2, APPROVED: 1, REJECTED: 0, SPAM: 0, TRASH: 0 });
  });

  it("counts each status up to a cap, and offers the articles of the tab's newest comments as filters", async () => {
    const quiet = await createArticle();
    for (const body of ["a", "b", "c"]) await pendingComment(body);
    await db.comment.updateMany({ data: { createdAt: new Date(Date.now() - 60_000) } });
    await db.comment.createMany({
      data: ["d", "e"].map((body) => ({ articleId: quiet.id, authorName: "Ray", authorEmail: "ray@example.com", body })),
    });

    // Five pending: past a cap of 2, the count stops at 3 (shown as "2+").
    expect(await countCommentsByStatus(2)).toEqual({ UNCONFIRMED: 0, PENDING: 3, APPROVED: 0, REJECTED: 0, SPAM: 0, TRASH: 0 });
    expect(await listArticlesWithComments("PENDING", 2)).toEqual([{ id: quiet.id, headline: quiet.headline, count: 2 }]);
    expect((await listArticlesWithComments("PENDING")).map((article) => article.count).sort()).toEqual([2, 3]);
  });

  it("puts reported comments first, the most reported first, then the oldest, with each sender's record", async () => {
    const oldest = await pendingComment("oldest");
    const once = await pendingComment("reported once");
    const twice = await pendingComment("reported twice");
    await db.comment.update({ where: { id: oldest.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    const report = (commentId: number, reporterHash: string) => db.commentReport.create({ data: { commentId, reporterHash, reason: "SPAM" } });
    await Promise.all([report(once.id, "a"), report(twice.id, "a"), report(twice.id, "b")]);
    await db.comment.createMany({
      data: ["APPROVED", "APPROVED", "REJECTED"].map((status) => ({
        articleId,
        authorName: "Ray",
        authorEmail: "ray@example.com",
        body: "earlier",
        status: status as "APPROVED",
      })),
    });
    await db.comment.create({ data: { articleId, authorName: "New", authorEmail: "new@example.com", body: "first words" } });

    const { comments } = await listCommentsForModeration(MODERATOR, { ...base, order: "priority" });
    expect(comments.map((comment) => comment.body)).toEqual(["reported twice", "reported once", "oldest", "first words"]);
    // The record is of the sender's other comments: Ray has two more waiting, two approved and one rejected.
    expect(comments[0]!.senderRecord).toEqual({ PENDING: 2, APPROVED: 2, REJECTED: 1 });
    expect(comments[3]!.senderRecord).toEqual({});
  });

  it("pages in priority order: the reported comments on the first pages, then the others from where they left off", async () => {
    const started = Date.now() - 1_000_000;
    const held = await db.comment.createManyAndReturn({
      data: Array.from({ length: 2 * QUEUE_PAGE_SIZE + 10 }, (_, n) => ({
        articleId,
        authorName: "Reader",
        authorEmail: `reader-${n}@example.com`,
        body: `held ${n}`,
        createdAt: new Date(started + n * 1000),
      })),
    });
    // Two pages and three comments are reported: the newest ones, so their place is set by the reports alone.
    const reported = held.slice(-(QUEUE_PAGE_SIZE + 3));
    await db.commentReport.createMany({ data: reported.map((comment) => ({ commentId: comment.id, reporterHash: "a", reason: "SPAM" as const })) });
    await db.commentReport.create({ data: { commentId: reported.at(-1)!.id, reporterHash: "b", reason: "SPAM" } });
    const mostReportedFirst = [reported.at(-1)!, ...reported.slice(0, -1)];
    const expected = [...mostReportedFirst, ...held.slice(0, held.length - reported.length)].map((comment) => comment.body);

    const pages = await Promise.all([1, 2, 3].map((page) => listCommentsForModeration(MODERATOR, { ...base, order: "priority", page })));
    expect(pages.flatMap((page) => page.comments.map((comment) => comment.body))).toEqual(expected);
    expect(pages.map((page) => page.comments.length)).toEqual([QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE, 10]);
    // A page past the reported ones (as when fewer are reported than a page holds, or they were all decided).
    await db.commentReport.deleteMany({ where: { commentId: { in: reported.slice(0, QUEUE_PAGE_SIZE - 1).map((comment) => comment.id) } } });
    const second = await listCommentsForModeration(MODERATOR, { ...base, order: "priority", page: 2 });
    const stillReported = 4;
    const unreported = held.filter((comment) => !reported.slice(-stillReported).includes(comment));
    expect(second.comments.map((comment) => comment.body)).toEqual(
      unreported.slice(QUEUE_PAGE_SIZE - stillReported, 2 * QUEUE_PAGE_SIZE - stillReported).map((comment) => comment.body),
    );
  });

  it("filters by article and reason and searches text, name and email", async () => {
    const other = (await createArticle()).id;
    const linked = await db.comment.create({
      data: { articleId: other, authorName: "Lin Link", authorEmail: "links@spam.example", body: "Cheap watches", heldReasons: ["too_many_links"] },
    });
    await pendingComment("An ordinary remark");
    const ids = async (query: Partial<QueueQuery>) => (await listCommentsForModeration(MODERATOR, { ...base, ...query })).comments.map((comment) => comment.id);
    expect(await ids({ articleId: other })).toEqual([linked.id]);
    expect(await ids({ reason: "too_many_links" })).toEqual([linked.id]);
    expect(await ids({ search: "WATCHES" })).toEqual([linked.id]);
    expect(await ids({ search: "lin link" })).toEqual([linked.id]);
    expect(await ids({ search: "spam.example" })).toEqual([linked.id]);
    expect(await ids({ search: "nothing like this" })).toEqual([]);
  });

  it("searches for the text as typed: %, _ and \\ are characters, not wildcards", async () => {
    const percent = await pendingComment("Half price: 50% off-% today");
    const underscore = await pendingComment("see snake_case names");
    const slash = await pendingComment("a back\\slash");
    await pendingComment("5000 off, and snakeXcase, and a backslash");
    const ids = async (search: string) => (await listCommentsForModeration(MODERATOR, { ...base, search })).comments.map((comment) => comment.id);
    expect(await ids("50%")).toEqual([percent.id]);
    expect(await ids("off-%")).toEqual([percent.id]);
    expect(await ids("snake_case")).toEqual([underscore.id]);
    expect(await ids("back\\slash")).toEqual([slash.id]);
    expect(await ids("%")).toEqual([percent.id]);
  });
});

describe("bulk actions and undo", () => {
  it("act on a selection, report what another moderator changed first, and undo the batch as one", async () => {
    const [a, b, c] = [await pendingComment("a"), await pendingComment("b"), await pendingComment("c")];
    await db.comment.update({ where: { id: c.id }, data: { status: "SPAM" } });
    const { results } = await moderateComments(
      staffId,
      "approve",
      [a, b, c].map((comment) => ({ commentId: comment.id, expectedStatus: "PENDING" as const })),
    );
    expect(results.map(({ result }) => result.ok)).toEqual([true, true, false]);
    expect(await db.comment.count({ where: { status: "APPROVED" } })).toBe(2);

    expect(await undoLastBatch(staffId)).toEqual({ undone: 2, skipped: 0, articleIds: [articleId] });
    expect(await db.comment.count({ where: { status: "PENDING" } })).toBe(2);
    const undoRows = await db.moderationAction.findMany({ where: { action: "undo" } });
    expect(undoRows.map((row) => [row.fromStatus, row.toStatus])).toEqual([
      ["APPROVED", "PENDING"],
      ["APPROVED", "PENDING"],
    ]);
    expect(await undoLastBatch(staffId)).toBeNull();
  });

  it("leave alone what someone changed after the action being undone", async () => {
    const comment = await pendingComment();
    await moderateComments(staffId, "approve", [{ commentId: comment.id, expectedStatus: "PENDING" }]);
    await db.comment.update({ where: { id: comment.id }, data: { status: "TRASH" } });
    expect(await undoLastBatch(staffId)).toEqual({ undone: 0, skipped: 1, articleIds: [] });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("TRASH");
  });

  it("undo only the staff member's own actions", async () => {
    const other = (await upsertStaffUser(db, { email: "other@example.com", name: "Other", password: "a-long-password-8" })).id;
    const comment = await pendingComment();
    await moderateComments(other, "spam", [{ commentId: comment.id, expectedStatus: "PENDING" }]);
    expect(await undoLastBatch(staffId)).toBeNull();
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("SPAM");
  });
});

describe("rejecting with a reason and replying as staff", () => {
  it("bring a rejection's reason back when the approval that replaced it is undone", async () => {
    const comment = await pendingComment();
    await moderateComments(staffId, "reject", [{ commentId: comment.id, expectedStatus: "PENDING" }], "Off topic.");
    await moderateComments(staffId, "approve", [{ commentId: comment.id, expectedStatus: "REJECTED" }]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).statusReason).toBeNull();
    await undoLastBatch(staffId);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ status: "REJECTED", statusReason: "Off topic." });
    await undoLastBatch(staffId);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ status: "PENDING", statusReason: null });
  });

  it("keep the rejection reason for the commenter and clear it when the comment is approved later", async () => {
    const comment = await pendingComment();
    await moderateComments(staffId, "reject", [{ commentId: comment.id, expectedStatus: "PENDING" }], "Personal attacks are not published.");
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      status: "REJECTED",
      statusReason: "Personal attacks are not published.",
    });
    const [audit] = await db.moderationAction.findMany({ where: { commentId: comment.id } });
    expect(audit?.reason).toBe("Personal attacks are not published.");
    await moderateComments(staffId, "approve", [{ commentId: comment.id, expectedStatus: "REJECTED" }]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).statusReason).toBeNull();
  });

  it("publish a staff reply at once, approving the waiting comment it answers, with a staff badge and no address", async () => {
    const staff = (await findActiveStaff(staffId, 0))!;
    const comment = await pendingComment("A question for the newsroom");
    const reply = await replyAsStaff(staff, comment.id, "Thank you, we have corrected the figure.");
    expect(reply.ok).toBe(true);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("APPROVED");
    const shown = await listApprovedComments(articleId);
    const staffReply = shown.find((item) => item.body === "Thank you, we have corrected the figure.");
    expect(staffReply).toMatchObject({ isStaff: true, authorName: "Mod", parentId: comment.id });
    expect(JSON.stringify(shown)).not.toContain("mod@example.com");
  });
});
