import type { Metadata } from "next";
import Link from "next/link";
import { NoticePage } from "@/components/comments/notice-page";
import { findCommentStatus } from "@/lib/data/comments/comment-status";
import { commentIdFromLink } from "@/lib/mail/links";

export const metadata: Metadata = { title: "Your comment", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_TEXT = {
  UNCONFIRMED: { title: "Waiting for your confirmation", text: "Open the link in the email we sent you to confirm this comment." },
  PENDING: { title: "Waiting for a moderator", text: "A moderator will read your comment soon. It appears on the article once approved." },
  APPROVED: { title: "Published", text: "Your comment is on the article." },
  REJECTED: { title: "Not published", text: "A moderator decided not to publish this comment because it does not follow the site's comment guidelines." },
  SPAM: { title: "Not published", text: "This comment was classified as spam and will not be published." },
  TRASH: { title: "Not published", text: "This comment was removed and will not be published." },
} as const;

export default async function CommentStatusPage({ searchParams }: Props) {
  const id = commentIdFromLink("status", (await searchParams).token);
  const comment = id === null ? null : await findCommentStatus(id);
  if (!comment) {
    return (
      <NoticePage title="This link cannot be used">
        <p>The link has expired or is not valid.</p>
      </NoticePage>
    );
  }
  const { title, text } = STATUS_TEXT[comment.status];
  return (
    <NoticePage title={`Your comment: ${title}`}>
      <p>{text}</p>
      {comment.status === "REJECTED" && comment.statusReason && (
        <p>
          <span className="font-semibold">The moderator&apos;s reason:</span> {comment.statusReason}
        </p>
      )}
      <p>
        On{" "}
        <Link href={`/articles/${comment.article.slug}`} className="font-semibold underline">
          {comment.article.headline}
        </Link>
        , {comment.authorName} wrote:
      </p>
      <blockquote className="border-l-4 border-neutral-300 pl-4 whitespace-pre-line">{comment.body}</blockquote>
      {comment.status === "APPROVED" && (
        <Link href={`/articles/${comment.article.slug}#comment-${comment.id}`} className="font-semibold text-brand underline">
          See it on the article
        </Link>
      )}
    </NoticePage>
  );
}
