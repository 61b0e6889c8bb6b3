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

export type ToldOutcome = { outcome: "APPROVED" | "REJECTED"; before: "APPROVED" | "REJECTED" | null };

/**
 * The comment's outcome if it is one the commenter has not been told yet (published, or not published), marked as
 * told by a compare-and-set, so that it is told once however many servers ask; null when there is nothing new to
 * tell (still waiting, undone, told already).
 */
export async function takeOutcomeToTell(commentId: number): Promise<ToldOutcome | null> {
  const db = getDb();
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { status: true, noticedStatus: true } });
  if (!comment || comment.noticedStatus === comment.status) return null;
  const { status, noticedStatus } = comment;
  if (status !== "APPROVED" && status !== "REJECTED") return null;
  const marked = await db.comment.updateMany({ where: { id: commentId, status, noticedStatus }, data: { noticedStatus: status } });
  const before = noticedStatus === "APPROVED" || noticedStatus === "REJECTED" ? noticedStatus : null;
  return marked.count === 1 ? { outcome: status, before } : null;
}

/** Undoes takeOutcomeToTell when the telling failed: the outcome is due again a minute later. */
export async function giveBackOutcome(commentId: number, told: ToldOutcome): Promise<void> {
  await getDb().comment.updateMany({
    where: { id: commentId, noticedStatus: told.outcome },
    data: { noticedStatus: told.before, noticeDueAt: new Date(Date.now() + 60_000) },
  });
}
