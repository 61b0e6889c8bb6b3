import "server-only";
import { reportedWhere, summarizeOpenReports, type ReportSummary } from "@/lib/data/moderation/report-review";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatusName, QueueStatus } from "@/lib/moderation/state-machine";
import { assertStaff } from "@/lib/staff/staff-reads";

// Staff-only reads: these are the only queries that select a commenter's email.
export type StaffCommentDto = {
  id: number;
  status: CommentStatusName;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  body: string;
  heldReasons: string[];
  clientHash: string | null;
  createdAt: string;
  article: { id: number; slug: string; headline: string };
  parent: { id: number; authorName: string; body: string } | null;
  /** Open reader reports, when there are any. */
  reports: ReportSummary | null;
};

// What staff see of a comment, the email included.
export const staffCommentSelect = {
  id: true,
  status: true,
  authorName: true,
  authorEmail: true,
  authorWebsite: true,
  body: true,
  heldReasons: true,
  clientHash: true,
  createdAt: true,
  article: { select: { id: true, slug: true, headline: true } },
} satisfies Prisma.CommentSelect;

export const QUEUE_PAGE_SIZE = 50;

// The queue's tabs: a status, or the comments readers reported.
export type QueueTab = QueueStatus | "REPORTED";

export type QueueQuery = {
  status: QueueTab;
  page: number;
  order: "oldest" | "newest";
  articleId: number | null;
  reason: string | null;
  search: string | null;
};

function tabWhere(tab: QueueTab): Prisma.CommentWhereInput {
  return tab === "REPORTED" ? reportedWhere : { status: tab };
}

// Prisma's `contains` is SQL LIKE: escaped, a moderator's % and _ (and \) match themselves, not any text.
const asTyped = (text: string) => text.replace(/[\\%_]/g, "\\$&");

function queueWhere(query: QueueQuery): Prisma.CommentWhereInput {
  const search = query.search === null ? null : asTyped(query.search);
  return {
    ...tabWhere(query.status),
    ...(query.articleId ? { articleId: query.articleId } : {}),
    ...(query.reason ? { heldReasons: { has: query.reason } } : {}),
    ...(search
      ? {
          OR: [
            { body: { contains: search, mode: "insensitive" } },
            { authorName: { contains: search, mode: "insensitive" } },
            { authorEmail: { contains: search, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

export async function listCommentsForModeration(staff: StaffIdentity, query: QueueQuery): Promise<{ comments: StaffCommentDto[]; total: number }> {
  assertStaff(staff);
  const where = queueWhere(query);
  const direction = query.order === "oldest" ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    getDb().comment.findMany({
      where,
      orderBy: [{ createdAt: direction }, { id: direction }],
      skip: (query.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: { ...staffCommentSelect, parent: { select: { id: true, authorName: true, body: true } } },
    }),
    getDb().comment.count({ where }),
  ]);
  const reports = await summarizeOpenReports(rows.map((row) => row.id));
  return { comments: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), reports: reports.get(row.id) ?? null })), total };
}

export async function countCommentsByStatus(): Promise<Record<CommentStatusName, number>> {
  const groups = await getDb().comment.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<CommentStatusName, number> = { UNCONFIRMED: 0, PENDING: 0, APPROVED: 0, REJECTED: 0, SPAM: 0, TRASH: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

// Articles that have comments waiting, for the queue's article filter.
export async function listArticlesWithComments(tab: QueueTab): Promise<{ id: number; headline: string; count: number }[]> {
  const groups = await getDb().comment.groupBy({ by: ["articleId"], where: tabWhere(tab), _count: { _all: true } });
  const articles = await getDb().article.findMany({
    where: { id: { in: groups.map((group) => group.articleId) } },
    select: { id: true, headline: true },
    orderBy: { headline: "asc" },
  });
  const counts = new Map(groups.map((group) => [group.articleId, group._count._all]));
  return articles.map((article) => ({ ...article, count: counts.get(article.id) ?? 0 }));
}
