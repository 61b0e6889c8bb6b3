import Link from "next/link";
import { QueueItem } from "@/components/moderation/queue-item";
import { SignOutButton } from "@/components/moderation/sign-out-button";
import { requireStaffPage } from "@/lib/auth";
import { countCommentsByStatus, listCommentsForModeration, QUEUE_PAGE_SIZE } from "@/lib/data/moderation";
import { QUEUE_STATUSES } from "@/lib/moderation/state-machine";
import { queueQuerySchema } from "@/lib/validation/moderation";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TAB_LABELS = { PENDING: "Pending", APPROVED: "Approved", SPAM: "Spam", REJECTED: "Rejected", TRASH: "Trash" } as const;

export default async function ModerationQueuePage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const { status, page } = queueQuerySchema.parse(await searchParams);
  const [comments, counts] = await Promise.all([listCommentsForModeration(status, page), countCommentsByStatus()]);
  const pageCount = Math.max(1, Math.ceil(counts[status] / QUEUE_PAGE_SIZE));

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Comments</h1>
        <p className="text-sm text-neutral-700">
          Signed in as {staff.name} ({staff.role.toLowerCase()}) · <SignOutButton />
        </p>
      </div>
      <nav aria-label="Comment status" className="mt-4 flex flex-wrap gap-2 border-b border-neutral-300">
        {QUEUE_STATUSES.map((tab) => (
          <Link
            key={tab}
            href={`/admin?status=${tab}`}
            aria-current={tab === status ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold ${tab === status ? "border-neutral-900" : "border-transparent text-neutral-600"}`}
          >
            {TAB_LABELS[tab]} <span className="text-neutral-600">({counts[tab]})</span>
          </Link>
        ))}
      </nav>
      {comments.length === 0 ? (
        <p className="mt-6 text-neutral-700">
          {page > pageCount ? "There is no such page." : "Nothing here."} {status === "PENDING" && page === 1 && "Every comment has been dealt with."}
        </p>
      ) : (
        <ol className="mt-6 space-y-4" aria-label={`${TAB_LABELS[status]} comments, newest first`}>
          {comments.map((comment) => (
            <QueueItem key={comment.id} comment={comment} />
          ))}
        </ol>
      )}
      {pageCount > 1 && (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={`/admin?status=${status}&page=${Math.min(page - 1, pageCount)}`} className="underline">
              Newer
            </Link>
          )}
          <span>
            Page {Math.min(page, pageCount)} of {pageCount}
          </span>
          {page < pageCount && (
            <Link href={`/admin?status=${status}&page=${page + 1}`} className="underline">
              Older
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
