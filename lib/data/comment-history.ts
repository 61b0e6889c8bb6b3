import "server-only";
import { getDb } from "@/lib/db";
import { staffCommentSelect } from "@/lib/data/moderation-queue";

// Staff-only: one comment's history, and what the site knows about the person who wrote it.
export async function findCommentHistory(id: number) {
  const db = getDb();
  const comment = await db.comment.findUnique({
    where: { id },
    select: {
      ...staffCommentSelect,
      statusReason: true,
      confirmedAt: true,
      actions: {
        orderBy: { id: "asc" },
        select: { id: true, action: true, fromStatus: true, toStatus: true, reason: true, createdAt: true, staffUser: { select: { name: true } } },
      },
    },
  });
  if (!comment) return null;
  const [others, record, blocks] = await Promise.all([
    db.comment.findMany({
      where: { authorEmail: comment.authorEmail, id: { not: id } },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, status: true, body: true, createdAt: true, article: { select: { headline: true } } },
    }),
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
  ]);
  return {
    comment,
    others,
    record: Object.fromEntries(record.map((group) => [group.status, group._count._all])) as Partial<Record<string, number>>,
    blocks,
  };
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
  await db.$transaction([
    db.block.upsert({
      where: { kind_value: { kind: request.kind, value } },
      create: { kind: request.kind, value, mode: request.mode, expiresAt: request.expiresAt, reason: request.reason },
      update: { mode: request.mode, expiresAt: request.expiresAt, reason: request.reason },
    }),
    db.moderationAction.create({
      data: { commentId, staffUserId, action: `block_${request.kind.toLowerCase()}_${request.mode.toLowerCase()}`, reason: request.reason },
    }),
  ]);
  return true;
}
