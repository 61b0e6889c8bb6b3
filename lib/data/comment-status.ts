import "server-only";
import { getDb } from "@/lib/db";
import { transition } from "@/lib/moderation/state-machine";

// What a commenter may learn about their own comment through the links they were emailed. No address in it.
export async function findCommentStatus(id: number) {
  const row = await getDb().comment.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      authorName: true,
      body: true,
      createdAt: true,
      article: { select: { id: true, slug: true, headline: true } },
    },
  });
  return row && { ...row, createdAt: row.createdAt.toISOString() };
}

export type ConfirmResult =
  | { ok: true; status: "PENDING" | "APPROVED"; articleId: number; alreadyConfirmed: boolean }
  | { ok: false };

// Confirming releases the comment: into the queue, or straight onto the page when nothing held it. Clicking the
// link twice changes nothing the second time.
export async function confirmComment(id: number): Promise<ConfirmResult> {
  const db = getDb();
  const comment = await db.comment.findUnique({ where: { id }, select: { status: true, heldReasons: true, articleId: true, confirmedAt: true } });
  if (!comment) return { ok: false };
  if (comment.status !== "UNCONFIRMED") {
    if (!comment.confirmedAt) return { ok: false };
    return { ok: true, status: comment.status === "APPROVED" ? "APPROVED" : "PENDING", articleId: comment.articleId, alreadyConfirmed: true };
  }
  const next = transition("UNCONFIRMED", comment.heldReasons.length === 0 ? "confirmAndPublish" : "confirm");
  if (!next.ok) return { ok: false };
  const now = new Date();
  const updated = await db.comment.updateMany({
    where: { id, status: "UNCONFIRMED" },
    data: { status: next.to, confirmedAt: now, statusChangedAt: now },
  });
  if (updated.count === 0) return confirmComment(id);
  return { ok: true, status: next.to === "APPROVED" ? "APPROVED" : "PENDING", articleId: comment.articleId, alreadyConfirmed: false };
}
