import "server-only";
import { randomUUID } from "node:crypto";
import { resolveOpenReportsWithin } from "@/lib/data/moderation/report-review";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { transition, undoTransition, type CommentActionName, type CommentStatusName } from "@/lib/moderation/state-machine";

export type ModerateResult =
  | { ok: true; articleId: number; from: CommentStatusName; to: CommentStatusName }
  | { ok: false; error: "not_found" | "conflict" | "not_allowed"; message: string };

export type ModerateRequest = {
  staffUserId: number;
  commentId: number;
  action: CommentActionName;
  /** The status the moderator saw; when the comment has moved on since, nothing is overwritten. */
  expectedStatus?: CommentStatusName;
  /** Actions taken together share a batch, which undo reverses as one. */
  batchId?: string;
  /** For a rejection: why, in words the commenter will see on the status page. */
  reason?: string | null;
};

export async function moderateComment(request: ModerateRequest): Promise<ModerateResult> {
  return getDb().$transaction((tx) => moderateCommentWithin(tx, request));
}

// The same, inside a caller's transaction (a review link is spent in the same transaction as its decision).
export async function moderateCommentWithin(tx: Prisma.TransactionClient, request: ModerateRequest): Promise<ModerateResult> {
  const comment = await tx.comment.findUnique({
    where: { id: request.commentId },
    select: { status: true, articleId: true },
  });
  if (!comment) return { ok: false, error: "not_found", message: "That comment no longer exists" } as const;
  if (request.expectedStatus && comment.status !== request.expectedStatus) {
    return conflict(comment.status);
  }
  const next = transition(comment.status, request.action);
  if (!next.ok) return { ok: false, error: "not_allowed", message: next.reason } as const;

  // Compare-and-set: if another moderator changed the status since it was read, this updates nothing.
  const updated = await tx.comment.updateMany({
    where: { id: request.commentId, status: comment.status },
    data: {
      status: next.to,
      statusChangedAt: new Date(),
      statusReason: next.to === "REJECTED" ? (request.reason ?? null) : null,
      // The commenter hears of a publication or a refusal once the hold has passed (lib/jobs/scheduler.ts).
      noticeDueAt: next.to === "APPROVED" || next.to === "REJECTED" ? noticeDueAt() : undefined,
    },
  });
  if (updated.count === 0) return conflict(undefined);

  // A decision on a reported comment settles its readers' reports. Recorded before the decision itself, in the
  // same batch, so undo (which looks only at later rows and at rows that move a status) treats them as one.
  const settled = await resolveOpenReportsWithin(tx, request.commentId, "ACTED");
  if (settled) {
    await tx.moderationAction.create({
      data: {
        commentId: request.commentId,
        staffUserId: request.staffUserId,
        action: "resolve_reports",
        batchId: request.batchId ?? null,
        reason: `Resolved ${settled} by ${request.action}`,
      },
    });
  }
  await tx.moderationAction.create({
    data: {
      commentId: request.commentId,
      staffUserId: request.staffUserId,
      action: request.action,
      fromStatus: comment.status,
      toStatus: next.to,
      batchId: request.batchId ?? null,
      reason: request.reason ?? null,
    },
  });
  return { ok: true, articleId: comment.articleId, from: comment.status, to: next.to } as const;
}

function noticeDueAt(): Date {
  return new Date(Date.now() + serverEnv().COMMENT_NOTICE_DELAY_SECONDS * 1000);
}

function conflict(current: CommentStatusName | undefined): ModerateResult {
  const now = current ? ` It is now ${current.toLowerCase()}.` : "";
  return { ok: false, error: "conflict", message: `Another moderator acted on this comment first.${now}` };
}

export type BatchResult = { batchId: string; results: { commentId: number; result: ModerateResult }[] };

// One action on a selection. Each comment is its own compare-and-set, so a comment another moderator already
// handled is reported, not overwritten, while the rest go through.
export async function moderateComments(
  staffUserId: number,
  action: CommentActionName,
  items: { commentId: number; expectedStatus: CommentStatusName }[],
  reason: string | null = null,
): Promise<BatchResult> {
  const batchId = randomUUID();
  const results = [];
  for (const item of items) {
    results.push({ commentId: item.commentId, result: await moderateComment({ staffUserId, action, batchId, reason, ...item }) });
  }
  return { batchId, results };
}

const UNDO_PREFIX = "undo:";

export type UndoResult = { undone: number; skipped: number; articleIds: number[] } | null;

// Undoes the staff member's most recent batch that has not been undone: each comment goes back to where the batch
// found it, unless someone has moved it since (then it is left alone and counted as skipped).
export async function undoLastBatch(staffUserId: number): Promise<UndoResult> {
  const db = getDb();
  const recent = await db.moderationAction.findMany({
    where: { staffUserId, batchId: { not: null } },
    orderBy: { id: "desc" },
    take: 200,
    select: { batchId: true },
  });
  const undone = new Set(recent.flatMap(({ batchId }) => (batchId?.startsWith(UNDO_PREFIX) ? [batchId.slice(UNDO_PREFIX.length)] : [])));
  const batchId = recent.map((row) => row.batchId!).find((id) => !id.startsWith(UNDO_PREFIX) && !undone.has(id));
  if (!batchId) return null;

  const actions = await db.moderationAction.findMany({
    where: { batchId, commentId: { not: null }, toStatus: { not: null } },
    select: { id: true, commentId: true, fromStatus: true, toStatus: true },
  });
  let done = 0;
  const articleIds = new Set<number>();
  for (const action of actions) {
    if (!action.fromStatus || !action.toStatus) continue;
    const back = undoTransition(action.fromStatus, action.toStatus);
    if (!back.ok) continue;
    const articleId = await db.$transaction(async (tx) => {
      // Someone acted on the comment after this batch (even back to the same status): their decision stands.
      if (await hasStandingLaterAction(tx, action.commentId!, action.id)) return null;
      // Back to a rejection, the reason the commenter was shown comes back with it.
      const reason = back.to === "REJECTED" ? await reasonOfLastRejection(tx, action.commentId!, action.id) : null;
      const moved = await tx.comment.updateMany({
        where: { id: action.commentId!, status: action.toStatus! },
        data: {
          status: back.to,
          statusChangedAt: new Date(),
          statusReason: reason,
          noticeDueAt: back.to === "APPROVED" || back.to === "REJECTED" ? noticeDueAt() : undefined,
        },
      });
      if (moved.count === 0) return null;
      await tx.moderationAction.create({
        data: {
          commentId: action.commentId,
          staffUserId,
          action: "undo",
          fromStatus: action.toStatus,
          toStatus: back.to,
          batchId: `${UNDO_PREFIX}${batchId}`,
          reason,
        },
      });
      return (await tx.comment.findUniqueOrThrow({ where: { id: action.commentId! }, select: { articleId: true } })).articleId;
    });
    if (articleId !== null) {
      done += 1;
      articleIds.add(articleId);
    }
  }
  // A batch whose comments all moved on still counts as handled, so the next undo reaches the batch before it.
  if (done === 0) {
    await db.moderationAction.create({ data: { staffUserId, action: "undo", batchId: `${UNDO_PREFIX}${batchId}` } });
  }
  return { undone: done, skipped: actions.length - done, articleIds: [...articleIds] };
}

async function reasonOfLastRejection(tx: Prisma.TransactionClient, commentId: number, beforeActionId: number): Promise<string | null> {
  const rejection = await tx.moderationAction.findFirst({
    where: { commentId, toStatus: "REJECTED", id: { lt: beforeActionId } },
    orderBy: { id: "desc" },
    select: { reason: true },
  });
  return rejection?.reason ?? null;
}

// A later action counts unless it was itself undone on this comment (or is an undo): undoing twice walks back two
// steps.
async function hasStandingLaterAction(tx: Prisma.TransactionClient, commentId: number, afterActionId: number): Promise<boolean> {
  const later = await tx.moderationAction.findMany({ where: { commentId, id: { gt: afterActionId } }, select: { action: true, batchId: true } });
  const batches = later.flatMap(({ action, batchId }) => (action !== "undo" && batchId ? [batchId] : []));
  const undone = await tx.moderationAction.findMany({
    where: { commentId, batchId: { in: batches.map((batchId) => `${UNDO_PREFIX}${batchId}`) } },
    select: { batchId: true },
  });
  const undoneBatches = new Set(undone.map(({ batchId }) => batchId!.slice(UNDO_PREFIX.length)));
  return later.some(({ action, batchId }) => action !== "undo" && !(batchId && undoneBatches.has(batchId)));
}
