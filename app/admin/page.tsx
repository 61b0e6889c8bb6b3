import Link from "next/link";
import { QueueFilters } from "@/components/console/queue-filters";
import { QueueList } from "@/components/console/queue-list";
import { requireStaffPage } from "@/lib/auth";
import { FILTERABLE_REASONS } from "@/lib/comments/held-reasons";
import { COUNT_CAP, countCommentsByStatus, listArticlesWithComments, listCommentsForModeration, QUEUE_PAGE_SIZE } from "@/lib/data/moderation/moderation-queue";
import { countReportedComments } from "@/lib/data/moderation/report-review";
import { formatCount } from "@/lib/format/counts";
import { formatDateTime } from "@/lib/format/dates";
import { formatWaiting } from "@/lib/format/durations";
import { queueQuerySchema } from "@/lib/validation/moderation";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TAB_LABELS = { PENDING: "Pending", REPORTED: "Reported", APPROVED: "Approved", SPAM: "Spam", REJECTED: "Rejected", TRASH: "Trash" } as const;
const TABS = Object.keys(TAB_LABELS) as (keyof typeof TAB_LABELS)[];

export default async function ModerationQueuePage({ searchParams }: Props) {
  const staff = await requireStaffPage("moderate");
  const query = queueQuerySchema.parse(await searchParams);
  const filters = { status: query.status, order: query.order, articleId: query.article, reason: query.reason, search: query.q };
  const [{ comments, total }, statusCounts, reported, articles] = await Promise.all([
    listCommentsForModeration(staff, { ...filters, page: query.page }),
    countCommentsByStatus(),
    countReportedComments(),
    listArticlesWithComments(query.status),
  ]);
  const counts = { ...statusCounts, REPORTED: reported };
  // Past the counting cap the last page is not known: a full page has a next one.
  const uncounted = total > COUNT_CAP;
  const pageCount = Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / QUEUE_PAGE_SIZE));
  const hasNextPage = query.page < pageCount || (uncounted && comments.length === QUEUE_PAGE_SIZE);
  const now = new Date();
  const entries = comments.map((comment) => ({ ...comment, waiting: formatWaiting(comment.createdAt, now), createdLabel: formatDateTime(comment.createdAt) }));
  const pageHref = (page: number) => {
    const params = new URLSearchParams({ status: query.status, order: query.order, page: String(page) });
    if (query.article) params.set("article", String(query.article));
    if (query.reason) params.set("reason", query.reason);
    if (query.q) params.set("q", query.q);
    return `/admin?${params}`;
  };

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Comments</h1>
        <p className="text-sm text-neutral-700">
          Signed in as {staff.name} ({staff.role.toLowerCase()})
        </p>
      </div>
      <nav aria-label="Comment status" className="mt-4 flex flex-wrap gap-2 border-b border-neutral-300">
        {TABS.map((tab) => (
          <Link
            key={tab}
            href={`/admin?status=${tab}`}
            aria-current={tab === query.status ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold ${tab === query.status ? "border-neutral-900" : "border-transparent text-neutral-600"}`}
          >
            {TAB_LABELS[tab]} <span className="text-neutral-600">({formatCount(counts[tab], COUNT_CAP)})</span>
          </Link>
        ))}
      </nav>
      <QueueFilters {...filters} articles={articles} reasons={FILTERABLE_REASONS} />
      {/* Always rendered, even when empty: the last action's message and its undo must outlive the last comment. */}
      <QueueList
        comments={entries}
        label={`${TAB_LABELS[query.status]} comments, ${query.order} first`}
        emptyMessage={
          query.page > 1 && comments.length === 0
            ? "There is no such page."
            : query.status === "PENDING" && !query.q
              ? "Nothing waits: every comment has been dealt with."
              : "Nothing here."
        }
      />
      {(pageCount > 1 || hasNextPage) && (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-4 text-sm">
          {query.page > 1 && (
            <Link href={pageHref(uncounted ? query.page - 1 : Math.min(query.page - 1, pageCount))} className="underline">
              Previous page
            </Link>
          )}
          <span>
            Page {uncounted ? query.page : Math.min(query.page, pageCount)} of {uncounted ? `${pageCount}+` : pageCount} ({formatCount(total, COUNT_CAP)}{" "}
            comments)
          </span>
          {hasNextPage && (
            <Link href={pageHref(query.page + 1)} className="underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
