import "server-only";
import { getCommentSettings } from "@/lib/data/site/settings";
import { getDb } from "@/lib/db";
import type { ReportReason } from "@/lib/generated/prisma/enums";
import { transition, type CommentStatusName } from "@/lib/moderation/state-machine";
import { consumeRateLimit } from "@/lib/rate-limit";

// The held reason of a comment hidden because readers reported it.
export const REPORTED_REASON = "reported";

// One reader may report this many different comments per hour: enough for a reader who meets a troll, too few
// to bury a thread.
export const REPORT_LIMIT = { name: "comment-report", points: 10, durationSeconds: 3600 } as const;

export type NewReport = { commentId: number; reporterHash: string; reason: ReportReason; note: string | null };

export type ReportResult =
  | { ok: true; articleId: number; alreadyReported: boolean; hidden: boolean }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "rate_limited"; retryAfterSeconds: number };

const NOT_FOUND = { ok: false, error: "not_found" } as const;

// Records a reader's report. A reader reports a comment once: a second report from them changes nothing. When the
// comment's open reports reach the site's threshold it is taken off the page and held for review (unless staff wrote it).
export async function reportComment(report: NewReport): Promise<ReportResult> {
  const db = getDb();
  // A published comment, or one that other readers' reports hid and that waits for review: a report sent while (or
  // just after) it was hidden still counts for the moderator (the transaction below decides the same way).
  const comment = await db.comment.findFirst({
    where: {
      id: report.commentId,
      article: { status: "PUBLISHED" },
      OR: [{ status: "APPROVED" }, { status: "PENDING", heldReasons: { has: REPORTED_REASON } }],
    },
    select: { articleId: true },
  });
  if (!comment) return NOT_FOUND;
  const key = { commentId_reporterHash: { commentId: report.commentId, reporterHash: report.reporterHash } };
  if (await db.commentReport.findUnique({ where: key, select: { id: true } })) {
    return { ok: true, articleId: comment.articleId, alreadyReported: true, hidden: false };
  }
  // Only new reports count against the limit, so a repeated click is never punished.
  const wait = await consumeRateLimit(REPORT_LIMIT.name, [report.reporterHash], REPORT_LIMIT.points, REPORT_LIMIT.durationSeconds);
  if (wait > 0) return { ok: false, error: "rate_limited", retryAfterSeconds: wait };

  const { reportThreshold } = await getCommentSettings();
  return db.$transaction(async (tx) => {
    // Reports on one comment take turns: each one counts the others' committed reports, so the threshold is
    // crossed by exactly one of them however many arrive at once.
    const [locked] = await tx.$queryRaw<{ status: CommentStatusName; heldReasons: string[]; staffAuthorId: number | null }[]>`
      SELECT status, "heldReasons", "staffAuthorId" FROM "Comment" WHERE id = ${report.commentId} FOR UPDATE`;
    const hiddenByReports = locked?.status === "PENDING" && locked.heldReasons.includes(REPORTED_REASON);
    // A report that was on its way while the comment was hidden by other reports still counts for the moderator.
    if (!locked || (locked.status !== "APPROVED" && !hiddenByReports)) return NOT_FOUND;
    const created = await tx.commentReport.createMany({ data: [report], skipDuplicates: true });
    if (created.count === 0) return { ok: true, articleId: comment.articleId, alreadyReported: true, hidden: false } as const;
    const counted = { ok: true, articleId: comment.articleId, alreadyReported: false, hidden: false } as const;
    if (locked.status !== "APPROVED") return counted;
    // A reply the newsroom's staff wrote speaks for the newsroom: readers' reports on it are kept and listed in the
    // console's Reported tab, but they cannot take it off the article.
    if (locked.staffAuthorId !== null) return counted;
    const open = await tx.commentReport.count({ where: { commentId: report.commentId, resolvedAt: null } });
    if (open < reportThreshold) return counted;
    // The reasons it was first held were settled when it was approved; now the reports are the reason.
    const next = transition(locked.status, "hideByReports");
    if (!next.ok) return counted;
    await tx.comment.update({
      where: { id: report.commentId },
      data: { status: next.to, heldReasons: [REPORTED_REASON], statusChangedAt: new Date() },
    });
    return { ok: true, articleId: comment.articleId, alreadyReported: false, hidden: true } as const;
  });
}

// The comment a reader is about to report, as the public sees it (never an email).
export async function findReportableComment(commentId: number) {
  return getDb().comment.findFirst({
    where: { id: commentId, status: "APPROVED", article: { status: "PUBLISHED" } },
    select: { id: true, authorName: true, body: true, article: { select: { slug: true, headline: true } } },
  });
}
