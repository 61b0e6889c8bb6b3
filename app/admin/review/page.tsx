import Link from "next/link";
import { ReviewForm } from "@/components/console/review-form";
import { heldReasonLabel } from "@/lib/comments/held-reasons";
import { checkReviewLink, findCommentForReview } from "@/lib/data/moderation/review-links";
import { formatDateTime } from "@/lib/format/dates";
import { REVIEW_ACTION_TEXT } from "@/lib/moderation/review-link-token";

export const metadata = { title: "Review a comment" };

const DONE = new Map([
  ["APPROVED", "Approved: the comment is on the page."],
  ["REJECTED", "Rejected."],
  ["SPAM", "Marked as spam."],
]);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opened from a moderator's email. Showing it changes nothing (mail scanners and link previews open links too);
// only the button decides. It shows the comment, never who sent it: that stays in the console.
export default async function ReviewPage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  const doneMessage = typeof done === "string" ? DONE.get(done) : undefined;
  const state = doneMessage ? null : await checkReviewLink(token);
  const comment = state?.ok ? await findCommentForReview(state.link.commentId) : null;
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">{state?.ok ? REVIEW_ACTION_TEXT[state.link.action].question : "Review a comment"}</h1>
      {doneMessage && (
        <p role="status" className="mt-4 font-semibold text-green-800">
          {doneMessage}
        </p>
      )}
      {state && !state.ok && <p className="mt-4">{state.message}</p>}
      {state?.ok && !comment && <p className="mt-4">This comment no longer exists.</p>}
      {state?.ok && comment && comment.status !== "PENDING" && (
        <p className="mt-4 font-semibold">Another moderator has dealt with this comment already: it is {comment.status.toLowerCase()}.</p>
      )}
      {state?.ok && comment?.status === "PENDING" && (
        <>
          <p className="mt-1 text-sm text-neutral-700">For {state.staff.name}. Nothing has changed yet.</p>
          <div className="mt-4 rounded border border-neutral-300 p-4 text-sm">
            <p className="text-neutral-700">
              {comment.authorName} on “{comment.article.headline}”, {formatDateTime(comment.createdAt)}
            </p>
            {comment.parent && (
              <p className="mt-1 text-neutral-700">
                In reply to {comment.parent.authorName}: “{comment.parent.body.slice(0, 140)}”
              </p>
            )}
            <p className="mt-3 rounded bg-neutral-50 p-3 text-base break-words whitespace-pre-line">{comment.body}</p>
            {comment.heldReasons.length > 0 && (
              <p className="mt-2">Held because: {comment.heldReasons.map((code) => heldReasonLabel(code, { senderDetails: false })).join("; ")}</p>
            )}
          </div>
          <ReviewForm token={String(token)} action={state.link.action} />
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
