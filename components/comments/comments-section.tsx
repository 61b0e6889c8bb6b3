import Link from "next/link";
import { CommentForm } from "@/components/comments/comment-form";
import { CommentItem, type DisplayComment } from "@/components/comments/comment-item";
import { CommentPages } from "@/components/comments/comment-pages";
import { areCommentsOpen } from "@/lib/comments/comments-open";
import { issueFormToken } from "@/lib/comments/form-token";
import { COMMENT_ORDER_LABELS, COMMENT_ORDERS, orderQuery, orderThreads, type CommentOrder } from "@/lib/comments/order";
import { pageCount, pageOfComment, threadsOnPage } from "@/lib/comments/pages";
import { buildThreads } from "@/lib/comments/thread";
import { getApprovedComments } from "@/lib/data/cached";
import { listOwnUnpublishedComments } from "@/lib/data/comments/comments";
import { getCommentSettings } from "@/lib/data/site/settings";

// What a reader asked to see of the comments. The cached page everybody gets is DEFAULT_COMMENTS_VIEW; the address
// (order, page, reply, permalink) and the reader's own waiting comments make a per-request view.
export type CommentsView = {
  replyToId: number | null;
  /** A comment the reader came for (a permalink, their own new comment): its page is shown. */
  focusCommentId: number | null;
  requestedPage: number | null;
  order: CommentOrder;
  /** The reader's own comments that are not public yet (from their signed cookie). */
  ownIds: number[];
};

export const DEFAULT_COMMENTS_VIEW: CommentsView = { replyToId: null, focusCommentId: null, requestedPage: null, order: "oldest", ownIds: [] };

type Props = {
  articleId: number;
  articlePath: string;
  /** The article page's title, for the form to mark when it shows errors. */
  pageTitle: string;
  /** Whether comments were closed by hand, and when the article was published (for closing after N days). */
  openness: { commentsOpen: boolean; publishedAt: string | null };
  view: CommentsView;
};

export async function CommentsSection({ articleId, articlePath, pageTitle, openness, view }: Props) {
  const { replyToId, focusCommentId, requestedPage, order, ownIds } = view;
  const [approved, settings, ownUnpublished] = await Promise.all([
    getApprovedComments(articleId),
    getCommentSettings(),
    listOwnUnpublishedComments(articleId, ownIds),
  ]);
  const { commentsPerPage, maxThreadDepth } = settings;
  const commentsOpen = areCommentsOpen(openness, settings);

  const ownWaiting = ownUnpublished.filter(({ own }) => own.state !== "refused").length;
  const comments: DisplayComment[] = [...approved.map((comment) => ({ ...comment, own: null })), ...ownUnpublished].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id,
  );
  const allThreads = orderThreads(buildThreads(comments, maxThreadDepth), order);
  const pages = pageCount(allThreads.length, commentsPerPage);
  const focusPage = focusCommentId === null ? null : pageOfComment(allThreads, focusCommentId, commentsPerPage);
  const page = Math.min(requestedPage ?? focusPage ?? 1, pages);
  const threads = threadsOnPage(allThreads, page, commentsPerPage);
  const replyTarget = commentsOpen ? approved.find((comment) => comment.id === replyToId) : undefined;
  const form = (
    <CommentForm
      key={`${replyToId ?? "new"}-${focusCommentId ?? ""}`}
      articleId={articleId}
      articlePath={articlePath}
      pageTitle={pageTitle}
      formAddress={formAddress(articlePath, view)}
      token={issueFormToken(articleId)}
      replyTo={replyTarget ? { id: replyTarget.id, name: replyTarget.authorName } : null}
    />
  );
  // A reply form opens right under the comment it answers, as readers expect; otherwise it closes the section.
  const replyForm = replyTarget ? { commentId: replyTarget.id, form } : null;

  return (
    <section id="comments" aria-labelledby="comments-heading" className="mt-12 border-t-2 border-neutral-900 pt-6">
      <h2 id="comments-heading" className="font-serif text-2xl font-bold">
        {commentsHeading(approved.length, ownUnpublished.length, ownWaiting)}
      </h2>
      {allThreads.length > 1 && (
        // Plain links: the order works without JavaScript and stays in the address when the page is shared.
        <nav aria-label="Sort comments" className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <span className="text-neutral-700">Sort:</span>
          {COMMENT_ORDERS.map((choice) => (
            <Link
              key={choice}
              href={`${articlePath}${orderQuery(choice) ? `?${orderQuery(choice)}` : ""}#comments`}
              aria-current={choice === order ? "true" : undefined}
              className={choice === order ? "font-semibold text-neutral-900 underline decoration-2" : "text-brand hover:underline"}
            >
              {COMMENT_ORDER_LABELS[choice]}
            </Link>
          ))}
        </nav>
      )}
      {threads.length > 0 && (
        <ol className="mt-4">
          {threads.map((thread) => (
            <CommentItem
              key={thread.id}
              comment={thread}
              articlePath={articlePath}
              orderQuery={orderQuery(order)}
              canReply={commentsOpen}
              replyForm={replyForm}
            />
          ))}
        </ol>
      )}
      <CommentPages articlePath={articlePath} page={page} pageCount={pages} order={order} />
      {commentsOpen ? !replyForm && form : <p className="mt-8 text-neutral-700">Comments are closed on this article.</p>}
    </section>
  );
}

// The count is of published comments; the reader's own unpublished ones are counted apart, as only they see them.
function commentsHeading(published: number, ownUnpublished: number, ownWaiting: number): string {
  const count =
    published === 0 ? (ownUnpublished > 0 ? "No published comments yet" : "No comments yet") : `${published} ${published === 1 ? "comment" : "comments"}`;
  return ownWaiting > 0 ? `${count} · ${ownWaiting} of yours not yet published` : count;
}

// The view's own address (the reply it asked for, the page and order of comments), as the form's no-JavaScript
// target: the answer to a refused post is then the view the reader was on, even if the comment they answer has left
// the page meanwhile.
function formAddress(articlePath: string, { replyToId, requestedPage, order }: CommentsView): string {
  const query = new URLSearchParams();
  if (replyToId !== null) query.set("replyto", String(replyToId));
  if (requestedPage !== null) query.set("cpage", String(requestedPage));
  const orderPart = orderQuery(order);
  const search = [query.toString(), orderPart].filter(Boolean).join("&");
  return `${articlePath}${search ? `?${search}` : ""}#respond`;
}
