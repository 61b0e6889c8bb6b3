import "server-only";
import { staffCommentSelect } from "@/lib/data/moderation/moderation-queue";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { assertModerator } from "@/lib/staff/staff-reads";

// Staff-only: one comment's history, and what the site knows about the person who wrote it.
export async function findCommentHistory(staff: StaffIdentity, id: number) {
  assertModerator(staff);
  const db = getDb();
  const comment = await db.comment.findUnique({
    where: { id },
    select: {
      ...staffCommentSelect,
      statusReason: true,
      confirmedAt: true,
      actions: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          action: true,
          fromStatus: true,
          toStatus: true,
          reason: true,
          batchId: true,
          createdAt: true,
          staffUser: { select: { name: true } },
        },
      },
    },
  });
  if (!comment) return null;
  const others = await db.comment.findMany({
    where: { authorEmail: comment.authorEmail, id: { not: id } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, status: true, body: true, createdAt: true, article: { select: { headline: true } } },
  });
  const [record, blocks, senderActions] = await Promise.all([
    db.comment.groupBy({ by: ["status"], where: { authorEmail: comment.authorEmail }, _count: { _all: true } }),
    db.block.findMany({
      where: {
        OR: [
          { kind: "EMAIL", value: comment.authorEmail },
          { kind: "DOMAIN", value: comment.authorEmail.slice(comment.authorEmail.lastIndexOf("@") + 1) },
          ...(comment.clientHash ? [{ kind: "CLIENT" as const, value: comment.clientHash }] : []),
        ],
      },
      select: { id: true, kind: true, value: true, mode: true, expiresAt: true, reason: true },
    }),
    // The sender's timeline: decisions on their latest comments (the same ones listed), newest first.
    db.moderationAction.findMany({
      where: { commentId: { in: [id, ...others.map((other) => other.id)] } },
      orderBy: { id: "desc" },
      take: 100,
      select: { id: true, commentId: true, action: true, fromStatus: true, toStatus: true, createdAt: true, staffUser: { select: { name: true } } },
    }),
  ]);
  return {
    comment,
    others,
    record: Object.fromEntries(record.map((group) => [group.status, group._count._all])) as Partial<Record<string, number>>,
    blocks,
    senderTimeline: senderTimeline([comment, ...others], senderActions),
  };
}

type SenderComment = { id: number; createdAt: Date; article: { headline: string } };
type SenderAction = {
  id: number;
  commentId: number | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  createdAt: Date;
  staffUser: { name: string };
};
export type SenderEvent = { key: string; at: Date; commentId: number; text: string };

// Comments received and decisions taken, merged into one list, newest first.
function senderTimeline(comments: SenderComment[], actions: SenderAction[]): SenderEvent[] {
  const received = comments.map((comment) => ({
    key: `c${comment.id}`,
    at: comment.createdAt,
    commentId: comment.id,
    text: `wrote on “${comment.article.headline}”`,
  }));
  const decided = actions.map((action) => ({
    key: `a${action.id}`,
    at: action.createdAt,
    commentId: action.commentId!,
    text: `${action.staffUser.name}: ${action.action}${action.fromStatus && action.toStatus ? ` (${action.fromStatus.toLowerCase()} → ${action.toStatus.toLowerCase()})` : ""}`,
  }));
  return [...received, ...decided].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 150);
}

export type BlockRequest = {
  kind: "EMAIL" | "DOMAIN" | "CLIENT";
  mode: "REFUSE" | "HOLD";
  expiresAt: Date | null;
  reason: string | null;
};

// Blocks the sender of a comment by its email, its email's domain or its client fingerprint, and audits it.
export async function blockCommentSender(staffUserId: number, commentId: number, request: BlockRequest): Promise<boolean> {
  const db = getDb();
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { authorEmail: true, clientHash: true } });
  if (!comment) return false;
  const value =
    request.kind === "EMAIL"
      ? comment.authorEmail
      : request.kind === "DOMAIN"
        ? comment.authorEmail.slice(comment.authorEmail.lastIndexOf("@") + 1)
        : comment.clientHash;
  if (!value) return false;
  await db.$transaction(async (tx) => {
    // A block replacing another records what it replaced, so the audit shows a loosened block as clearly as a new one.
    const previous = await tx.block.findUnique({ where: { kind_value: { kind: request.kind, value } }, select: { mode: true, expiresAt: true, reason: true } });
    await tx.block.upsert({
      where: { kind_value: { kind: request.kind, value } },
      create: { kind: request.kind, value, mode: request.mode, expiresAt: request.expiresAt, reason: request.reason },
      update: { mode: request.mode, expiresAt: request.expiresAt, reason: request.reason },
    });
    const replaced = previous
      ? `replaces ${previous.mode.toLowerCase()} until ${previous.expiresAt?.toISOString() ?? "lifted"}${previous.reason ? ` (“${previous.reason}”)` : ""}`
      : null;
    await tx.moderationAction.create({
      data: {
        commentId,
        staffUserId,
        action: `block_${request.kind.toLowerCase()}_${request.mode.toLowerCase()}`,
        reason: [request.reason, replaced].filter(Boolean).join("; ") || null,
      },
    });
  });
  return true;
}

// Staff edits are recorded with the text as it was, so nobody's words change without a trace.
export async function editCommentText(staffUserId: number, commentId: number, body: string): Promise<{ articleId: number } | null> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.comment.findUnique({ where: { id: commentId }, select: { body: true, articleId: true } });
    if (!before) return null;
    if (before.body === body) return { articleId: before.articleId };
    await tx.comment.update({ where: { id: commentId }, data: { body } });
    await tx.moderationAction.create({ data: { commentId, staffUserId, action: "edit", reason: `Before: ${before.body}`.slice(0, 5100) } });
    return { articleId: before.articleId };
  });
}

// Deleting for good keeps an audit line naming what went; replies stay, shown at the top level.
export async function deleteCommentForGood(staffUserId: number, commentId: number): Promise<{ articleId: number } | null> {
  const db = getDb();
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { articleId: true, authorName: true, status: true } });
    if (!comment) return null;
    await tx.moderationAction.create({
      data: { staffUserId, action: "delete", fromStatus: comment.status, reason: `Deleted comment ${commentId} by ${comment.authorName}` },
    });
    await tx.comment.delete({ where: { id: commentId } });
    return { articleId: comment.articleId };
  });
}
