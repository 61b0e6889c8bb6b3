import Link from "next/link";
import { QueueComment } from "@/components/moderation/queue-comment";
import { ReviewForm } from "@/components/moderation/review-form";
import { checkReviewLink, findCommentForReview } from "@/lib/data/review-links";
import { formatDateTime } from "@/lib/format/dates";
import { formatWaiting } from "@/lib/format/durations";

export const metadata = { title: "Review a comment" };

const DONE: Record<string, string> = { APPROVED: "Approved: the comment is on the page.", REJECTED: "Rejected.", SPAM: "Marked as spam." };

const QUESTIONS = { approve: "Approve this comment?", reject: "Reject this comment?", spam: "Mark this comment as spam?" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opened from a moderator's email. Showing it changes nothing (mail scanners and link previews open links too);
// only the button below decides.
export default async function ReviewPage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  if (typeof done === "string" && DONE[done]) {
    return (
      <div className="max-w-3xl">
        <h1 className="text-2xl font-bold">Review a comment</h1>
        <p role="status" className="mt-4 font-semibold text-green-800">
          {DONE[done]}
        </p>
        <p className="mt-8 text-sm">
          <Link href="/admin" className="underline">
            Open the queue
          </Link>
        </p>
      </div>
    );
  }
  const state = await checkReviewLink(token);
  const comment = state.ok ? await findCommentForReview(state.link.commentId) : null;
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">{state.ok ? QUESTIONS[state.link.action] : "Review a comment"}</h1>
      {!state.ok && <p className="mt-4">{state.message}</p>}
      {state.ok && !comment && <p className="mt-4">This comment no longer exists.</p>}
      {state.ok && comment && (
        <>
          <p className="mt-1 text-sm text-neutral-700">For {state.staff.name}. Nothing has changed yet.</p>
          <div className="mt-4 rounded border border-neutral-300 p-4">
            <QueueComment comment={{ ...comment, waiting: formatWaiting(comment.createdAt, new Date()), createdLabel: formatDateTime(comment.createdAt) }} />
          </div>
          {comment.status === "PENDING" ? (
            <ReviewForm token={String(token)} action={state.link.action} />
          ) : (
            <p className="mt-6 font-semibold">Another moderator has dealt with this comment already: it is {comment.status.toLowerCase()}.</p>
          )}
        </>
      )}
      <p className="mt-8 text-sm">
        <Link href="/admin" className="underline">
          Open the queue
        </Link>
      </p>
    </div>
  );
}
