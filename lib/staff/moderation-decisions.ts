import "server-only";
import { after } from "next/server";
import { expireCommentPages } from "@/lib/cache-expiry";
import { moderateComments } from "@/lib/data/moderation/moderation";
import { sendApprovalNotifications } from "@/lib/mail/comment-mails";
import type { CommentStatusName, ModerationActionName } from "@/lib/moderation/state-machine";

// A moderator's decision on comments, wherever it is taken (the queue, a comment's own page): applied through the
// state machine, then every page that shows a changed comment is expired, and approved comments' notices are sent
// once the answer has gone.
export async function decideOnComments(
  staffId: number,
  action: ModerationActionName,
  items: { commentId: number; expectedStatus: CommentStatusName }[],
  reason: string | null,
) {
  const { results } = await moderateComments(staffId, action, items, action === "reject" ? reason : null);
  const done = results.flatMap(({ commentId, result }) => (result.ok ? [{ commentId, result }] : []));
  expireCommentPages(done.map(({ result }) => result.articleId));
  for (const { commentId, result } of done) {
    if (result.to === "APPROVED") after(() => sendApprovalNotifications(commentId));
  }
  return results;
}
