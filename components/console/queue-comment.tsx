import { ReportSummaryView } from "@/components/console/report-summary";
import { heldReasonLabel } from "@/lib/comments/held-reasons";
import type { SenderRecord, StaffCommentDto } from "@/lib/data/moderation/moderation-queue";

export type QueueEntry = StaffCommentDto & { waiting: string; createdLabel: string };

// One comment as a moderator sees it, in a few dense lines: who (and how their other comments fared), where and
// when, then the text. Every commenter field is rendered as React text: moderators are the first to see hostile input.
export function QueueComment({ comment }: { comment: QueueEntry }) {
  return (
    <>
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold">{comment.authorName}</span>
        <span className="break-all text-neutral-700">{comment.authorEmail}</span>
        {comment.authorWebsite && <span className="break-all text-neutral-600">{comment.authorWebsite}</span>}
        <span className="text-neutral-600" title="A salted hash of the sender's network address">
          sender {comment.clientHash ? comment.clientHash.slice(0, 10) : "unknown"}
        </span>
        <span className="font-medium text-neutral-800">{describeRecord(comment.senderRecord)}</span>
      </p>
      <p className="mt-0.5 text-xs text-neutral-600">
        On{" "}
        <a href={`/articles/${comment.article.slug}`} className="font-semibold text-neutral-900 underline">
          {comment.article.headline}
        </a>{" "}
        · <time dateTime={comment.createdAt}>{comment.createdLabel}</time> ·{" "}
        {comment.status === "PENDING" ? `waiting ${comment.waiting}` : `${comment.waiting} ago`} ·{" "}
        <a href={`/admin/comments/${comment.id}`} className="underline">
          History and sender
        </a>
      </p>
      {comment.parent && (
        <p className="mt-0.5 text-xs text-neutral-600">
          In reply to <span className="font-semibold">{comment.parent.authorName}</span>: “{excerpt(comment.parent.body)}”
        </p>
      )}
      <p className="mt-1 break-words whitespace-pre-line">{comment.body}</p>
      {comment.status === "PENDING" && comment.heldReasons.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Why it was held">
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

const RECORD_WORDS = [
  ["APPROVED", "approved"],
  ["REJECTED", "rejected"],
  ["SPAM", "spam"],
  ["TRASH", "trashed"],
  ["PENDING", "waiting"],
  ["UNCONFIRMED", "unconfirmed"],
] as const;

// "3 approved · 1 rejected": the sender's other comments, so a regular and a serial offender are told apart at a glance.
function describeRecord(record: SenderRecord): string {
  const parts = RECORD_WORDS.flatMap(([status, word]) => (record[status] ? [`${record[status]} ${word}`] : []));
  return parts.length > 0 ? parts.join(" · ") : "no other comments";
}

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}
