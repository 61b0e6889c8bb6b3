import { ReportSummaryView } from "@/components/console/report-summary";
import { heldReasonLabel } from "@/lib/comments/held-reasons";
import type { StaffCommentDto } from "@/lib/data/moderation/moderation-queue";

export type QueueEntry = StaffCommentDto & { waiting: string; createdLabel: string };

// One comment as a moderator sees it. Every commenter field is rendered as React text: moderators are the first
// to see hostile input.
export function QueueComment({ comment }: { comment: QueueEntry }) {
  return (
    <>
      <p className="text-sm text-neutral-600">
        On{" "}
        <a href={`/articles/${comment.article.slug}`} className="font-semibold text-neutral-900 underline">
          {comment.article.headline}
        </a>{" "}
        · <time dateTime={comment.createdAt}>{comment.createdLabel}</time> · waiting {comment.waiting} ·{" "}
        <a href={`/admin/comments/${comment.id}`} className="underline">
          History and sender
        </a>
      </p>
      {comment.parent && (
        <p className="mt-1 text-sm text-neutral-600">
          In reply to <span className="font-semibold">{comment.parent.authorName}</span>: “{excerpt(comment.parent.body)}”
        </p>
      )}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt className="font-semibold">Name</dt>
        <dd>{comment.authorName}</dd>
        <dt className="font-semibold">Email</dt>
        <dd className="break-all">{comment.authorEmail}</dd>
        <dt className="font-semibold">Website</dt>
        <dd className="break-all">{comment.authorWebsite ?? "—"}</dd>
        <dt className="font-semibold">Sender</dt>
        <dd title="A salted hash of the sender's network address">{comment.clientHash ? comment.clientHash.slice(0, 10) : "—"}</dd>
      </dl>
      <p className="mt-3 rounded bg-neutral-50 p-3 break-words whitespace-pre-line">{comment.body}</p>
      {comment.status === "PENDING" && comment.heldReasons.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Why it was held">
          {comment.heldReasons.map((reason) => (
            <li key={reason} className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
              {heldReasonLabel(reason)}
            </li>
          ))}
        </ul>
      )}
      {comment.reports && <ReportSummaryView summary={comment.reports} />}
    </>
  );
}

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}
