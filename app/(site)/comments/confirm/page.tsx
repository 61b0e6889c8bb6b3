import type { Metadata } from "next";
import { NoticePage } from "@/components/comments/notice-page";
import { findCommentStatus } from "@/lib/data/comments/comment-status";
import { commentIdFromLink } from "@/lib/mail/links";
import { confirmCommentAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your comment", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opening the link only shows a button: mail scanners that fetch links must not confirm anything.
export default async function ConfirmCommentPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const id = commentIdFromLink("confirm", token);
  const comment = id === null ? null : await findCommentStatus(id);
  if (!comment || typeof token !== "string") {
    return (
      <NoticePage title="This link cannot be used">
        <p>The confirmation link has expired or is not valid. If you still want your comment published, please post it again.</p>
      </NoticePage>
    );
  }
  return (
    <NoticePage title="Confirm your comment">
      <p>
        On <span className="font-semibold">{comment.article.headline}</span>, {comment.authorName} wrote:
      </p>
      <blockquote className="border-l-4 border-neutral-300 pl-4 whitespace-pre-line">{comment.body}</blockquote>
      <form action={confirmCommentAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
          Confirm my comment
        </button>
      </form>
    </NoticePage>
  );
}
