import Link from "next/link";
import { ModerationButtons } from "@/components/moderation/moderation-buttons";
import { heldReasonLabel } from "@/lib/comments/held-reasons";
import type { StaffCommentDto } from "@/lib/data/moderation";
import { formatDateTime } from "@/lib/format/dates";
import { allowedActions } from "@/lib/moderation/state-machine";

// Every commenter field is rendered as React text: moderators are the first to see hostile input.
export function QueueItem({ comment }: { comment: StaffCommentDto }) {
  return (
    <li id={`queue-comment-${comment.id}`} className="rounded border border-neutral-300 p-4">
      <p className="text-sm text-neutral-600">
        On{" "}
        <Link href={`/articles/${comment.article.slug}`} className="font-semibold text-neutral-900 underline">
          {comment.article.headline}
        </Link>{" "}
        · <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
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
      </dl>
      <p className="mt-3 whitespace-pre-line break-words rounded bg-neutral-50 p-3">{comment.body}</p>
      {comment.status === "PENDING" && comment.heldReasons.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Why it was held">
          {comment.heldReasons.map((reason) => (
            <li key={reason} className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
              {heldReasonLabel(reason)}
            </li>
          ))}
        </ul>
      )}
      <ModerationButtons commentId={comment.id} status={comment.status} actions={allowedActions(comment.status)} />
    </li>
  );
}

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}
