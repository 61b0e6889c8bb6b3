import "server-only";
import { getDb } from "@/lib/db";

// A moderator's decision reaches the commenter after a hold (noticeDueAt, set with the decision), so that a decision
// undone within the hold sends nothing. Each outcome is told once: noticedStatus records the last one told.

/** The comments whose hold has passed, taken off the list in one statement, so that two servers never both take one. */
export async function takeDueOutcomeNotices(limit = 100): Promise<number[]> {
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    UPDATE "Comment" SET "noticeDueAt" = NULL
    WHERE id IN (
      SELECT id FROM "Comment" WHERE "noticeDueAt" <= now() ORDER BY "noticeDueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  return rows.map(({ id }) => id);
}

/**
 * The comment's outcome if it is one the commenter has not been told yet (published, or not published), marked as
 * told by a compare-and-set, so that it is told once however many servers ask; null when there is nothing new to
 * tell (still waiting, undone, told already).
 */
export async function takeOutcomeToTell(commentId: number): Promise<"APPROVED" | "REJECTED" | null> {
  const db = getDb();
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { status: true, noticedStatus: true } });
  if (!comment || comment.noticedStatus === comment.status) return null;
  const { status } = comment;
  if (status !== "APPROVED" && status !== "REJECTED") return null;
  const marked = await db.comment.updateMany({
    where: { id: commentId, status, noticedStatus: comment.noticedStatus },
    data: { noticedStatus: status },
  });
  return marked.count === 1 ? status : null;
}
