import "server-only";
import { getCommentSettings } from "@/lib/data/site/settings";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CommentSettings } from "@/lib/validation/settings";

const DAY_MS = 86_400_000;

export type RetentionPeriods = Pick<CommentSettings, "fingerprintRetentionDays" | "rejectedRetentionDays" | "unconfirmedRetentionDays">;

// Counts only: what the job did is logged, and a log never names a commenter.
export type RetentionReport = {
  fingerprintsCleared: number;
  reportFingerprintsCleared: number;
  rejectedPurged: number;
  unconfirmedPurged: number;
  rateLimitsPurged: number;
  spentLinksPurged: number;
};

// Takes the client so that the command-line script, which runs outside the app, can use it as well as the server.
export async function readRetentionPeriods(db: PrismaClient): Promise<RetentionPeriods> {
  const settings = await getCommentSettings(db);
  return {
    fingerprintRetentionDays: settings.fingerprintRetentionDays,
    rejectedRetentionDays: settings.rejectedRetentionDays,
    unconfirmedRetentionDays: settings.unconfirmedRetentionDays,
  };
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

// Drops what the privacy page says is kept only for a while. Each step is one statement, so a run stopped halfway
// leaves consistent rows and the next run finishes the work; running it twice changes nothing the second time.
//
// A purged rejected or spam comment may have approved replies (written before the decision). Its replies stay
// where readers already see them: the public thread never shows an unpublished comment, so such replies are drawn at
// the top level already, and the foreign key's SET NULL makes that what the rows say too.
export async function applyRetention(db: PrismaClient, periods: RetentionPeriods, now = new Date()): Promise<RetentionReport> {
  const fingerprintCutoff = daysBefore(now, periods.fingerprintRetentionDays);
  const rejectedCutoff = daysBefore(now, periods.rejectedRetentionDays);
  const unconfirmedCutoff = daysBefore(now, periods.unconfirmedRetentionDays);

  // The age of a rejection counts from the decision, so a comment rejected late is still kept the full period.
  const rejected = await db.comment.deleteMany({
    where: {
      status: { in: ["REJECTED", "SPAM"] },
      OR: [{ statusChangedAt: { lt: rejectedCutoff } }, { statusChangedAt: null, createdAt: { lt: rejectedCutoff } }],
    },
  });
  const unconfirmed = await db.comment.deleteMany({ where: { status: "UNCONFIRMED", createdAt: { lt: unconfirmedCutoff } } });
  // After the deletions, so the count says how many kept comments lost their fingerprint.
  const fingerprints = await db.comment.updateMany({
    where: { clientHash: { not: null }, createdAt: { lt: fingerprintCutoff } },
    data: { clientHash: null },
  });
  // A report remembers its reader only to take one report per reader and comment; past the period the hash goes,
  // replaced by a value no reader has, so the (comment, reader) pairs stay unique.
  const reportFingerprints = await db.$executeRaw`
    UPDATE "CommentReport" SET "reporterHash" = 'expired:' || id
    WHERE "createdAt" < ${fingerprintCutoff} AND "reporterHash" NOT LIKE 'expired:%'`;
  // Rate-limit keys carry client hashes and addresses; an expired counter limits nothing any more.
  const rateLimits = await db.rateLimit.deleteMany({ where: { expire: { lt: BigInt(now.getTime()) } } });
  const spentLinks = await db.spentLink.deleteMany({ where: { expiresAt: { lt: now } } });

  return {
    fingerprintsCleared: fingerprints.count,
    reportFingerprintsCleared: reportFingerprints,
    rejectedPurged: rejected.count,
    unconfirmedPurged: unconfirmed.count,
    rateLimitsPurged: rateLimits.count,
    spentLinksPurged: spentLinks.count,
  };
}

export function describeRetention(report: RetentionReport): string {
  return [
    `${report.fingerprintsCleared} client fingerprints cleared`,
    `${report.reportFingerprintsCleared} reporters' fingerprints cleared`,
    `${report.rejectedPurged} rejected or spam comments deleted`,
    `${report.unconfirmedPurged} unconfirmed comments deleted`,
    `${report.rateLimitsPurged} expired rate-limit counters deleted`,
    `${report.spentLinksPurged} expired spent links deleted`,
  ].join(", ");
}
