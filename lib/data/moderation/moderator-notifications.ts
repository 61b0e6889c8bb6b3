import "server-only";
import { getDb } from "@/lib/db";
import type { ModeratorMail } from "@/lib/generated/prisma/client";
import { rolesThat } from "@/lib/staff/capabilities";

const recipientSelect = { id: true, email: true, name: true, linkVersion: true } as const;
export type MailRecipient = { id: number; email: string; name: string; linkVersion: number };

export const DIGEST_PERIOD_MS: Record<"HOURLY" | "DAILY", number> = { HOURLY: 3_600_000, DAILY: 86_400_000 };

export async function findImmediateRecipients(): Promise<MailRecipient[]> {
  return getDb().staffUser.findMany({ where: { active: true, role: { in: rolesThat("moderate") }, moderatorMail: "IMMEDIATE" }, select: recipientSelect });
}

export async function findDigestRecipients() {
  return getDb().staffUser.findMany({
    where: { active: true, role: { in: rolesThat("moderate") }, moderatorMail: { in: ["HOURLY", "DAILY"] } },
    select: { ...recipientSelect, moderatorMail: true, lastDigestAt: true },
  });
}

// Claims one staff member's digest for this period with a compare-and-set on the last sending time, so that two
// servers (or a server and the command) never send the same digest twice. Returns the start of the period to cover.
export async function claimDigest(staffId: number, seenLastDigestAt: Date | null, period: number, now: Date): Promise<Date | null> {
  if (seenLastDigestAt && now.getTime() - seenLastDigestAt.getTime() < period) return null;
  const claimed = await getDb().staffUser.updateMany({ where: { id: staffId, lastDigestAt: seenLastDigestAt }, data: { lastDigestAt: now } });
  if (claimed.count === 0) return null;
  return seenLastDigestAt ?? new Date(now.getTime() - period);
}

const waitingSelect = {
  id: true,
  authorName: true,
  body: true,
  heldReasons: true,
  createdAt: true,
  article: { select: { headline: true } },
} as const;

// Comments that started waiting in the period: new ones, and older ones that came back to the queue (confirmed by
// their author, restored, unapproved).
export async function findNewlyWaiting(since: Date, take: number) {
  const where = { status: "PENDING" as const, OR: [{ createdAt: { gt: since } }, { statusChangedAt: { gt: since } }] };
  const [comments, total, waiting] = await Promise.all([
    getDb().comment.findMany({ where, orderBy: { id: "asc" }, take, select: waitingSelect }),
    getDb().comment.count({ where }),
    getDb().comment.count({ where: { status: "PENDING" } }),
  ]);
  return { comments, total, waiting };
}

export async function findWaitingComment(id: number) {
  return getDb().comment.findFirst({ where: { id, status: "PENDING" }, select: waitingSelect });
}

export async function setModeratorMail(staffId: number, choice: ModeratorMail): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const before = await tx.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { moderatorMail: true } });
    // Starting digests now means the first one covers what arrives from now on, not the whole backlog; switching
    // between hourly and daily keeps the period already running.
    const startsDigests = (choice === "HOURLY" || choice === "DAILY") && (before.moderatorMail === "OFF" || before.moderatorMail === "IMMEDIATE");
    await tx.staffUser.update({ where: { id: staffId }, data: { moderatorMail: choice, ...(startsDigests ? { lastDigestAt: new Date() } : {}) } });
  });
}

export async function findModeratorMail(staffId: number): Promise<ModeratorMail> {
  const staff = await getDb().staffUser.findUnique({ where: { id: staffId }, select: { moderatorMail: true } });
  return staff?.moderatorMail ?? "OFF";
}
