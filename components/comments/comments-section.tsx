import { cookies } from "next/headers";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentItem, type DisplayComment } from "@/components/comments/comment-item";
import { decodePendingCookie, PENDING_COOKIE_NAME } from "@/lib/comments/pending-cookie";
import { buildThreads } from "@/lib/comments/thread";
import { getApprovedComments } from "@/lib/data/cached";
import { getCommentSettings } from "@/lib/data/settings";
import { areCommentsOpen } from "@/lib/comments/comments-open";
import { pageCount, pageOfComment, threadsOnPage } from "@/lib/comments/pages";
import { CommentPages } from "@/components/comments/comment-pages";
import { issueFormToken } from "@/lib/comments/form-token";
import { listOwnWaitingComments } from "@/lib/data/comments";
import { serverEnv } from "@/lib/env";

type Props = {
  articleId: number;
  articlePath: string;
  /** Whether comments were closed by hand, and when the article was published (for closing after N days). */
  openness: { commentsOpen: boolean; publishedAt: string | null };
  replyToId: number | null;
  /** A comment the reader came for (a permalink, their own new comment): its page is shown. */
  focusCommentId: number | null;
  requestedPage: number | null;
  formKey: string;
};

export async function CommentsSection(props: Props) {
  const { articleId, articlePath, openness, replyToId, focusCommentId, requestedPage, formKey } = props;
  const [approved, settings] = await Promise.all([getApprovedComments(articleId), getCommentSettings()]);
  const { commentsPerPage, maxThreadDepth } = settings;
  const commentsOpen = areCommentsOpen(openness, settings);
  const secret = serverEnv().NEXTAUTH_SECRET;
  const ownIds = decodePendingCookie((await cookies()).get(PENDING_COOKIE_NAME)?.value, secret);
  const ownWaiting = await listOwnWaitingComments(articleId, ownIds);

  const comments: DisplayComment[] = [
    ...approved.map((comment) => ({ ...comment, waitingFor: null })),
    ...ownWaiting,
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  const allThreads = buildThreads(comments, maxThreadDepth);
  const pages = pageCount(allThreads.length, commentsPerPage);
  const focusPage = focusCommentId === null ? null : pageOfComment(allThreads, focusCommentId, commentsPerPage);
  const page = Math.min(requestedPage ?? focusPage ?? 1, pages);
  const threads = threadsOnPage(allThreads, page, commentsPerPage);
  const replyTarget = commentsOpen ? approved.find((comment) => comment.id === replyToId) : undefined;
  const form = (
    <CommentForm
      key={formKey}
      articleId={articleId}
      articlePath={articlePath}
      token={issueFormToken(articleId, secret)}
      replyTo={replyTarget ? { id: replyTarget.id, name: replyTarget.authorName } : null}
    />
  );
  // A reply form opens right under the comment it answers, as readers expect; otherwise it closes the section.
  const replyForm = replyTarget ? { commentId: replyTarget.id, form } : null;

  return (
    <section id="comments" aria-labelledby="comments-heading" className="mt-12 border-t-2 border-neutral-900 pt-6">
      <h2 id="comments-heading" className="font-serif text-2xl font-bold">
        {approved.length === 0 ? "No comments yet" : `${approved.length} ${approved.length === 1 ? "comment" : "comments"}`}
      </h2>
      {threads.length > 0 && (
        <ol className="mt-4">
          {threads.map((thread) => (
            <CommentItem key={thread.id} comment={thread} articlePath={articlePath} canReply={commentsOpen} replyForm={replyForm} />
          ))}
        </ol>
      )}
      <CommentPages articlePath={articlePath} page={page} pageCount={pages} />
      {commentsOpen ? (
        !replyForm && form
      ) : (
        <p className="mt-8 text-neutral-700">Comments are closed on this article.</p>
      )}
    </section>
  );
}
