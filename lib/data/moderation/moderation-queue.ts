import "server-only";
import { asTyped } from "@/lib/data/like-pattern";
import { reportedWhere, summarizeOpenReports, type ReportSummary } from "@/lib/data/moderation/report-review";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { COMMENT_STATUSES, type CommentStatusName, type QueueStatus } from "@/lib/moderation/state-machine";
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

// The queue counts comments up to this many, and says "1,000+" beyond: every decision re-renders the queue, and
// counting each status's comments whole took 150–600 ms a render with 350,000 comments (most of them approved), which
// held each approval back by as much. Counting up to the cap reads at most that many entries of the status index.
export const COUNT_CAP = 1_000;

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

const OLDEST_FIRST: Prisma.CommentOrderByWithRelationInput[] = [{ createdAt: "asc" }, { id: "asc" }];
const NEWEST_FIRST: Prisma.CommentOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
// Prisma orders by a relation's count without a filter, so settled reports count too; a decision settles them, so a
// comment that waits again after its reports were settled is rare.
const MOST_REPORTED_FIRST: Prisma.CommentOrderByWithRelationInput[] = [{ reports: { _count: "desc" } }, ...OLDEST_FIRST];

const staffCommentWithParentSelect = { ...staffCommentSelect, parent: { select: { id: true, authorName: true, body: true } } } satisfies Prisma.CommentSelect;

// A page of the queue in priority order: the reported comments, the most reported first, then the others, the oldest
// first. Ordered by the report count in one query, every waiting comment was counted and sorted for every page (about 200 ms
// with 127,000 held, on every render of the queue); here only the reported ones are, and the rest is read in the order
// of the (status, createdAt) index, from the page's place on.
async function priorityPage(where: Prisma.CommentWhereInput, skip: number) {
  const reportedWhere = { AND: [where, { reports: { some: {} } }] };
  const reported = await getDb().comment.findMany({
    where: reportedWhere,
    orderBy: MOST_REPORTED_FIRST,
    skip,
    take: QUEUE_PAGE_SIZE,
    select: staffCommentWithParentSelect,
  });
  if (reported.length === QUEUE_PAGE_SIZE) return reported;
  // The page holds the last reported comments, or the reported ones all came on earlier pages: count them then.
  const reportedInAll = reported.length > 0 || skip === 0 ? skip + reported.length : await getDb().comment.count({ where: reportedWhere });
  const others = await getDb().comment.findMany({
    where: { AND: [where, { reports: { none: {} } }] },
    orderBy: OLDEST_FIRST,
    skip: Math.max(0, skip - reportedInAll),
    take: QUEUE_PAGE_SIZE - reported.length,
    select: staffCommentWithParentSelect,
  });
  return [...reported, ...others];
}

function queuePage(query: QueueQuery, where: Prisma.CommentWhereInput) {
  const skip = (query.page - 1) * QUEUE_PAGE_SIZE;
  // A search reads every comment of the tab to match its text, and finds few: sorting those is cheaper than reading
  // them twice.
  if (query.order === "priority" && query.search === null) return priorityPage(where, skip);
  const orderBy = query.order === "newest" ? NEWEST_FIRST : query.order === "oldest" ? OLDEST_FIRST : MOST_REPORTED_FIRST;
  return getDb().comment.findMany({ where, orderBy, skip, take: QUEUE_PAGE_SIZE, select: staffCommentWithParentSelect });
}

export async function listCommentsForModeration(staff: StaffIdentity, query: QueueQuery): Promise<{ comments: StaffCommentDto[]; total: number }> {
  assertModerator(staff);
  const where = queueWhere(query);
  const [rows, total] = await Promise.all([queuePage(query, where), getDb().comment.count({ where, take: COUNT_CAP + 1 })]);
  const [reports, records] = await Promise.all([summarizeOpenReports(rows.map((row) => row.id)), rows.length > 0 ? senderRecords(rows) : new Map()]);
  return {
    comments: rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      reports: reports.get(row.id) ?? null,
      senderRecord: records.get(row.id) ?? {},
    })),
    /** Up to COUNT_CAP + 1: more than COUNT_CAP when it is that. */
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

/** Each status's comments, counted up to `cap` + 1 (more than `cap` when it is that). */
export async function countCommentsByStatus(cap = COUNT_CAP): Promise<Record<CommentStatusName, number>> {
  // Each status named as a constant and read in the order of its (status, createdAt) index, so that each count walks
  // the index and stops at the cap. The planner is also told not to collect a status whole first (a bitmap scan, or
  // the table): it does so when its statistics lag behind a status that grew fast, as a queue does in a spam wave
  // (180 ms for 127,000 held comments, on every render), and with the status taken from a list it did so always.
  const [, rows] = await getDb().$transaction([
    getDb().$queryRaw`SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)`,
    getDb().$queryRaw<{ status: CommentStatusName; count: number }[]>(
      Prisma.join(
        COMMENT_STATUSES.map(
          (status) =>
            Prisma.sql`SELECT ${status}::text AS status, (SELECT count(*)::int FROM (SELECT FROM "Comment" WHERE status = ${status}::"CommentStatus" ORDER BY "createdAt" LIMIT ${cap + 1}) capped) AS count`,
        ),
        " UNION ALL ",
      ),
    ),
  ]);
  return Object.fromEntries(rows.map((row) => [row.status, row.count])) as Record<CommentStatusName, number>;
}

// The queue's article filter offers the articles of the tab's newest comments, with how many of those each has: a
// tab of every approved comment is not read whole on each render (a moderator after an older article's comments
// searches, or opens the article's comments from its page).
export const ARTICLE_FILTER_COMMENTS = 1_000;

export async function listArticlesWithComments(tab: QueueTab, cap = ARTICLE_FILTER_COMMENTS): Promise<{ id: number; headline: string; count: number }[]> {
  const recent = await getDb().comment.findMany({ where: tabWhere(tab), select: { articleId: true }, orderBy: { createdAt: "desc" }, take: cap });
  const counts = new Map<number, number>();
  for (const { articleId } of recent) counts.set(articleId, (counts.get(articleId) ?? 0) + 1);
  const articles = await getDb().article.findMany({
    where: { id: { in: [...counts.keys()] } },
    select: { id: true, headline: true },
    orderBy: { headline: "asc" },
  });
  return articles.map((article) => ({ ...article, count: counts.get(article.id) ?? 0 }));
}
