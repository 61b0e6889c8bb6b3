import "server-only";
import { REPORT_REASON_LABELS } from "@/lib/comments/report-reasons";
import { REPORTED_REASON } from "@/lib/data/comments/comment-reports";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportReason } from "@/lib/generated/prisma/enums";
import { transition, type CommentStatusName } from "@/lib/moderation/state-machine";

// What staff see of a comment's open reports: counts and reasons, never who reported.
export type ReportSummary = { total: number; reasons: { reason: ReportReason; count: number }[]; notes: string[] };

const MAX_NOTES_SHOWN = 20;

// Comments with open reports: still on the page, or hidden by them until a moderator looks.
export const reportedWhere = {
  status: { in: ["APPROVED", "PENDING"] },
  reports: { some: { resolvedAt: null } },
} satisfies Prisma.CommentWhereInput;

export async function summarizeOpenReports(commentIds: number[]): Promise<Map<number, ReportSummary>> {
  const summaries = new Map<number, ReportSummary>();
  if (commentIds.length === 0) return summaries;
  const open = { commentId: { in: commentIds }, resolvedAt: null };
  const [groups, notes] = await Promise.all([
    getDb().commentReport.groupBy({ by: ["commentId", "reason"], where: open, _count: { _all: true } }),
    getDb().commentReport.findMany({
      where: { ...open, reason: "OTHER", note: { not: null } },
      orderBy: { id: "asc" },
      select: { commentId: true, note: true },
    }),
  ]);
  for (const group of groups) {
    const summary = summaries.get(group.commentId) ?? { total: 0, reasons: [], notes: [] };
    summary.total += group._count._all;
    summary.reasons.push({ reason: group.reason, count: group._count._all });
    summaries.set(group.commentId, summary);
  }
  for (const summary of summaries.values()) summary.reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  for (const { commentId, note } of notes) {
    const summary = summaries.get(commentId);
    if (summary && note && summary.notes.length < MAX_NOTES_SHOWN) summary.notes.push(note);
  }
  return summaries;
}

export function countReportedComments(): Promise<number> {
  return getDb().comment.count({ where: reportedWhere });
}

// Closes a comment's open reports inside a moderation transaction; answers what was closed, for the audit row.
export async function resolveOpenReportsWithin(tx: Prisma.TransactionClient, commentId: number, resolution: "DISMISSED" | "ACTED"): Promise<string | null> {
  const groups = await tx.commentReport.groupBy({ by: ["reason"], where: { commentId, resolvedAt: null }, _count: { _all: true } });
  if (groups.length === 0) return null;
  await tx.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: new Date(), resolution } });
  const total = groups.reduce((sum, group) => sum + group._count._all, 0);
  const reasons = groups.map((group) => `${REPORT_REASON_LABELS[group.reason]}: ${group._count._all}`).join(", ");
  return `${total} report${total === 1 ? "" : "s"} (${reasons})`;
}

export type DismissResult = { ok: true; articleId: number; republished: boolean } | { ok: false; error: "not_found" | "conflict"; message: string };

// The reports were unfounded: they are closed as dismissed, and a comment they hid is published again. Audited.
export async function dismissReports(staffUserId: number, commentId: number, expectedStatus?: CommentStatusName): Promise<DismissResult> {
  return getDb().$transaction(async (tx) => {
    // Locked so a report arriving now waits and then counts afresh against a comment with no open reports.
    const [comment] = await tx.$queryRaw<{ status: CommentStatusName; articleId: number; heldReasons: string[] }[]>`
      SELECT status, "articleId", "heldReasons" FROM "Comment" WHERE id = ${commentId} FOR UPDATE`;
    if (!comment) return { ok: false, error: "not_found", message: "That comment no longer exists" } as const;
    const hiddenByReports = comment.status === "PENDING" && comment.heldReasons.includes(REPORTED_REASON);
    const stale = expectedStatus !== undefined && comment.status !== expectedStatus;
    if (stale || (comment.status !== "APPROVED" && !hiddenByReports)) {
      return { ok: false, error: "conflict", message: `Another moderator acted on this comment first. It is now ${comment.status.toLowerCase()}.` } as const;
    }
    const closed = await resolveOpenReportsWithin(tx, commentId, "DISMISSED");
    if (!closed) return { ok: false, error: "conflict", message: "Another moderator already dealt with these reports." } as const;
    let to: CommentStatusName = comment.status;
    if (hiddenByReports) {
      const next = transition(comment.status, "dismissReports");
      if (!next.ok) return { ok: false, error: "conflict", message: next.reason } as const;
      to = next.to;
      await tx.comment.update({
        where: { id: commentId },
        data: { status: next.to, heldReasons: comment.heldReasons.filter((reason) => reason !== REPORTED_REASON), statusChangedAt: new Date() },
      });
    }
    await tx.moderationAction.create({
      data: { commentId, staffUserId, action: "dismiss_reports", fromStatus: comment.status, toStatus: to, reason: `Dismissed ${closed}` },
    });
    return { ok: true, articleId: comment.articleId, republished: hiddenByReports } as const;
  });
}
