import Link from "next/link";
import type { ReactNode } from "react";
import { OwnCommentNotice } from "@/components/comments/own-comment-notice";
import type { ThreadNode } from "@/lib/comments/thread";
import type { OwnCommentState } from "@/lib/data/comments/comments";
import type { PublicCommentDto } from "@/lib/data/comments/dto";
import { formatDateTime } from "@/lib/format/dates";
import { commentPath } from "@/lib/mail/links";

// `own` is set only on the reader's own comments that are not public (waiting, or refused by a moderator).
export type DisplayComment = PublicCommentDto & { own: OwnCommentState | null };

// Commenter fields are rendered as React text only; the website is a link only when it is http(s).
type Props = {
  comment: ThreadNode<DisplayComment>;
  articlePath: string;
  /** The reader's chosen comment order, kept in reply links ("corder=newest", or empty). */
  orderQuery: string;
  canReply: boolean;
  replyForm: { commentId: number; form: ReactNode } | null;
};

export function CommentItem({ comment, articlePath, orderQuery, canReply, replyForm }: Props) {
  return (
    <li>
      <article id={`comment-${comment.id}`} className="scroll-mt-4 border-t border-neutral-200 py-4">
        <header className="flex flex-wrap items-baseline gap-x-3 text-sm">
          <span className="font-semibold text-neutral-900">
            <CommenterName name={comment.authorName} website={comment.authorWebsite} />
          </span>
          {comment.isStaff && <span className="rounded bg-neutral-900 px-1.5 py-0.5 text-xs font-semibold tracking-wide text-white uppercase">Staff</span>}
          <a href={comment.own ? `#comment-${comment.id}` : `/comments/${comment.id}`} className="text-neutral-600 hover:underline">
            <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
          </a>
        </header>
        {comment.own && <OwnCommentStatus commentId={comment.id} own={comment.own} />}
        <p className="mt-2 break-words whitespace-pre-line text-neutral-800">{comment.body}</p>
        {canReply && !comment.own && (
          <Link
            href={`${articlePath}?replyto=${comment.id}${orderQuery ? `&${orderQuery}` : ""}#respond`}
            scroll={false}
            className="mt-2 inline-block text-sm font-semibold text-brand hover:underline"
            aria-label={`Reply to ${comment.authorName}`}
          >
            Reply
          </Link>
        )}
        {/* A plain link to the comment's own report page: the article page carries nothing per reader. */}
        {!comment.own && (
          <a
            href={`/comments/${comment.id}/report`}
            rel="nofollow"
            className={`mt-2 inline-block text-sm text-neutral-600 hover:underline ${canReply ? "ml-4" : ""}`}
            aria-label={`Report the comment by ${comment.authorName}`}
          >
            Report
          </a>
        )}
      </article>
      {replyForm?.commentId === comment.id && <div className="mb-6 ml-4 sm:ml-8">{replyForm.form}</div>}
      {comment.replies.length > 0 && (
        <ol className="ml-4 border-l-2 border-neutral-100 pl-4 sm:ml-8">
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} articlePath={articlePath} orderQuery={orderQuery} canReply={canReply} replyForm={replyForm} />
          ))}
        </ol>
      )}
    </li>
  );
}

function CommenterName({ name, website }: { name: string; website: string | null }) {
  if (!website || !/^https?:\/\//i.test(website)) return <>{name}</>;
  return (
    <a href={website} rel="nofollow ugc noopener noreferrer" className="underline hover:text-brand">
      {name}
    </a>
  );
}

const OWN_STATE_TEXT = {
  moderation: "Your comment is awaiting moderation.",
  confirmation: "Please confirm your comment: we have sent a link to your email address.",
  refused: "A moderator decided not to publish your comment.",
} as const;

// Seen only by the comment's author (their signed cookie names it): where it stands, the moderator's reason when it
// was refused, and its status page, which keeps following it after this browser has forgotten the comment.
function OwnCommentStatus({ commentId, own }: { commentId: number; own: OwnCommentState }) {
  return (
    <OwnCommentNotice commentId={commentId} refused={own.state === "refused"}>
      {OWN_STATE_TEXT[own.state]}
      {own.reason && <> The moderator&apos;s reason: {own.reason}</>}{" "}
      <a href={commentPath("status", commentId)} className="underline">
        {own.state === "refused" ? "Your comment's status page" : "Follow what happens to it"}
      </a>
    </OwnCommentNotice>
  );
}
