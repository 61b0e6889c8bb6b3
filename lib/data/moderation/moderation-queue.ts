import "server-only";
import { asTyped } from "@/lib/data/like-pattern";
import { reportedWhere, summarizeOpenReports, type ReportSummary } from "@/lib/data/moderation/report-review";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatusName, QueueStatus } from "@/lib/moderation/state-machine";
import { assertModerator } from "@/lib/staff/staff-reads";

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
  /** How the sender's other comments (by the same address) fared. */
  senderRecord: SenderRecord;
};

export type SenderRecord = Partial<Record<CommentStatusName, number>>;

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
  order: "priority" | "oldest" | "newest";
  articleId: number | null;
  reason: string | null;
  search: string | null;
};

function tabWhere(tab: QueueTab): Prisma.CommentWhereInput {
  return tab === "REPORTED" ? reportedWhere : { status: tab };
}

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

function queueOrder(order: QueueQuery["order"]): Prisma.CommentOrderByWithRelationInput[] {
  if (order === "newest") return [{ createdAt: "desc" }, { id: "desc" }];
  const oldest: Prisma.CommentOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
  // Prisma orders by a relation's count without a filter, so settled reports count too; a decision settles them,
  // so a comment that waits again after its reports were settled is rare.
  return order === "priority" ? [{ reports: { _count: "desc" } }, ...oldest] : oldest;
}

export async function listCommentsForModeration(staff: StaffIdentity, query: QueueQuery): Promise<{ comments: StaffCommentDto[]; total: number }> {
  assertModerator(staff);
  const where = queueWhere(query);
  const [rows, total] = await Promise.all([
    getDb().comment.findMany({
      where,
      orderBy: queueOrder(query.order),
      skip: (query.page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      select: { ...staffCommentSelect, parent: { select: { id: true, authorName: true, body: true } } },
    }),
    getDb().comment.count({ where }),
  ]);
  const [reports, records] = await Promise.all([summarizeOpenReports(rows.map((row) => row.id)), rows.length > 0 ? senderRecords(rows) : new Map()]);
  return {
    comments: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      reports: reports.get(row.id) ?? null,
      senderRecord: records.get(row.id) ?? {},
    })),
    total,
  };
}

// Each sender's other comments by status (addresses are stored lowercased), for every comment on the page, in one
// query on the address index.
async function senderRecords(rows: { id: number; authorEmail: string; status: CommentStatusName }[]): Promise<Map<number, SenderRecord>> {
  const groups = await getDb().comment.groupBy({
    by: ["authorEmail", "status"],
    where: { authorEmail: { in: [...new Set(rows.map((row) => row.authorEmail))] } },
    _count: { _all: true },
  });
  return new Map(
    rows.map((row) => {
      const record: SenderRecord = {};
      for (const group of groups) {
        if (group.authorEmail !== row.authorEmail) continue;
        // The comment itself is not part of its sender's record.
        const count = group._count._all - (group.status === row.status ? 1 : 0);
        if (count > 0) record[group.status] = count;
      }
      return [row.id, record];
    }),
  );
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
