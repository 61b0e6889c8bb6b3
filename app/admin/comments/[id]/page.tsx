import Link from "next/link";
import { notFound } from "next/navigation";
import { BlockSenderForm } from "@/components/console/block-sender-form";
import { HistorySection } from "@/components/console/history-section";
import { requireStaffPage } from "@/lib/auth";
import { heldReasonLabel } from "@/lib/comments/held-reasons";
import { findCommentHistory } from "@/lib/data/moderation/comment-history";
import { EMAIL_LINK_BATCH_PREFIX } from "@/lib/data/moderation/review-links";
import { formatDateTime } from "@/lib/format/dates";
import { allowedActions } from "@/lib/moderation/state-machine";
import { can } from "@/lib/staff/capabilities";
import { parsePositiveId } from "@/lib/validation/search-params";
import { decideCommentAction, deleteCommentAction, editCommentAction } from "./actions";

export const metadata = { title: "Comment history" };

const DECISIONS = [
  { action: "approve", label: "Approve", done: "Approved." },
  { action: "reject", label: "Reject", done: "Rejected." },
  { action: "spam", label: "Mark as spam", done: "Marked as spam." },
] as const;

// One comment's timeline, and its sender: their other comments, their record, and blocks.
type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CommentHistoryPage({ params, searchParams }: Props) {
  const staff = await requireStaffPage("moderate");
  const raw = (await params).id;
  const id = parsePositiveId(raw);
  const history = id === null ? null : await findCommentHistory(staff, id);
  if (!history) notFound();
  const { comment, others, record, blocks, senderTimeline } = history;
  const query = await searchParams;
  const deleteRefused = query.error === "delete";
  const decided = DECISIONS.find(({ action }) => action === query.decided);
  // Only what the status table allows from where the comment stands (an unconfirmed comment gets none).
  const allowed: string[] = allowedActions(comment.status);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Comment by {comment.authorName}</h1>
        <p className="text-sm text-neutral-700">
          On {comment.article.headline} · {formatDateTime(comment.createdAt.toISOString())} · now {comment.status.toLowerCase()}
          {comment.statusReason && ` (“${comment.statusReason}”)`}
        </p>
        <p className="mt-3 rounded bg-neutral-50 p-3 break-words whitespace-pre-line">{comment.body}</p>
        <p className="mt-2 text-sm">
          {comment.authorEmail} · {comment.authorWebsite ?? "no website"} · sender {comment.clientHash?.slice(0, 10) ?? "unknown"} ·{" "}
          {comment.confirmedAt ? "email confirmed" : "email not confirmed"}
        </p>
      </div>

      <HistorySection id="decide" title="Decide">
        {decided && (
          <p role="status" className="mt-2 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900">
            {decided.done}
          </p>
        )}
        {query.error === "decision" && (
          <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            Nothing was changed: the comment may have been dealt with by another moderator meanwhile. It stands as shown above.
          </p>
        )}
        {allowed.length === 0 ? (
          <p className="mt-2 text-sm">No decision can be taken on a comment that is {comment.status.toLowerCase()}.</p>
        ) : (
          <form action={decideCommentAction} className="mt-2 space-y-2 text-sm">
            {/* The status the moderator saw: the decision applies only if the comment still has it. */}
            <input type="hidden" name="commentId" value={comment.id} />
            <input type="hidden" name="item" value={`${comment.id}:${comment.status}`} />
            <label className="flex flex-col">
              <span className="font-semibold">Reason for a rejection (shown to the commenter; optional)</span>
              <input name="reason" maxLength={300} className="rounded border border-neutral-400 px-2 py-1" />
            </label>
            <div className="flex flex-wrap gap-2">
              {DECISIONS.filter(({ action }) => allowed.includes(action)).map(({ action, label }) => (
                <button key={action} type="submit" name="action" value={action} className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
                  {label}
                </button>
              ))}
            </div>
          </form>
        )}
      </HistorySection>

      <HistorySection id="edit" title="Edit the text">
        <form action={editCommentAction} className="mt-2 space-y-2 text-sm">
          <input type="hidden" name="commentId" value={comment.id} />
          <textarea name="body" rows={4} defaultValue={comment.body} aria-label="Comment text" className="w-full rounded border border-neutral-400 px-2 py-1" />
          <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
            Save the edit (the old text is kept in the timeline)
          </button>
        </form>
      </HistorySection>

      <HistorySection id="timeline" title="Timeline">
        <ol className="mt-2 space-y-1 text-sm">
          <li>
            {formatDateTime(comment.createdAt.toISOString())}: received
            {comment.heldReasons.length > 0 && `, held: ${comment.heldReasons.map((code) => heldReasonLabel(code)).join("; ")}`}
          </li>
          {comment.actions.map((action) => (
            <li key={action.id}>
              {formatDateTime(action.createdAt.toISOString())}: {action.staffUser.name} — {action.action}
              {action.fromStatus && action.toStatus && ` (${action.fromStatus.toLowerCase()} → ${action.toStatus.toLowerCase()})`}
              {action.batchId?.startsWith(EMAIL_LINK_BATCH_PREFIX) && " from an emailed link"}
              {action.reason && `: “${action.reason}”`}
            </li>
          ))}
        </ol>
      </HistorySection>

      <HistorySection id="sender" title="The sender's record">
        <p className="mt-1 text-sm">
          {Object.entries(record)
            .map(([status, count]) => `${count} ${status.toLowerCase()}`)
            .join(" · ")}
        </p>
        <ul className="mt-2 space-y-1 text-sm">
          {others.map((other) => (
            <li key={other.id}>
              <Link href={`/admin/comments/${other.id}`} className="underline">
                {formatDateTime(other.createdAt.toISOString())}
              </Link>{" "}
              ({other.status.toLowerCase()}) on {other.article.headline}: “{other.body.slice(0, 100)}”
            </li>
          ))}
        </ul>
      </HistorySection>

      <HistorySection id="sender-timeline" title="The sender's timeline">
        <ol className="mt-2 space-y-1 text-sm">
          {senderTimeline.map((event) => (
            <li key={event.key}>
              {formatDateTime(event.at.toISOString())}:{" "}
              <Link href={`/admin/comments/${event.commentId}`} className="underline">
                comment {event.commentId}
              </Link>{" "}
              — {event.text}
            </li>
          ))}
        </ol>
      </HistorySection>

      {can(staff.role, "administer") && (
        <HistorySection id="delete" title="Delete for good">
          {deleteRefused && (
            <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
              Nothing was deleted: tick the box to confirm first.
            </p>
          )}
          {/* A step of its own, away from the everyday forms, and confirmed by a box the server checks too. */}
          <form action={deleteCommentAction} className="mt-2 space-y-2 rounded border border-red-300 p-3 text-sm">
            <input type="hidden" name="commentId" value={comment.id} />
            <p>The comment, its timeline and its reports are removed from the database; this cannot be undone.</p>
            <label className="flex items-start gap-2">
              <input type="checkbox" name="confirm" value="yes" required className="mt-1" />
              <span>Yes, delete this comment for good. It cannot be undone.</span>
            </label>
            <button type="submit" className="rounded border border-red-800 px-3 py-1.5 font-semibold text-red-800">
              Delete for good
            </button>
          </form>
        </HistorySection>
      )}

      <HistorySection id="blocks" title="Blocks">
        <ul className="mt-1 text-sm">
          {blocks.length === 0 && <li>None apply to this sender.</li>}
          {blocks.map((block) => (
            <li key={block.id}>
              {block.kind.toLowerCase()} {block.kind === "CLIENT" ? block.value.slice(0, 10) : block.value}: {block.mode === "REFUSE" ? "refused" : "held"}
              {block.expiresAt ? ` until ${formatDateTime(block.expiresAt.toISOString())}` : " until lifted"}
              {block.reason && ` (“${block.reason}”)`}
            </li>
          ))}
        </ul>
        <BlockSenderForm commentId={comment.id} />
      </HistorySection>
    </div>
  );
}
