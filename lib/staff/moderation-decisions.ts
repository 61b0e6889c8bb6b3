import "server-only";
import { expireCommentPages } from "@/lib/cache-expiry";
import { moderateComments } from "@/lib/data/moderation/moderation";
import type { CommentStatusName, ModerationActionName } from "@/lib/moderation/state-machine";

// A moderator's decision on comments, wherever it is taken (the queue, a comment's own page): applied through the
// state machine, then every page that shows a changed comment is expired. The commenters hear of it once the hold for
// undo has passed (moderateComments sets when; lib/jobs/scheduler.ts sends).
export async function decideOnComments(
  staffId: number,
  action: ModerationActionName,
  items: { commentId: number; expectedStatus: CommentStatusName }[],
  reason: string | null,
) {
  const { results } = await moderateComments(staffId, action, items, action === "reject" ? reason : null);
  expireCommentPages(results.flatMap(({ result }) => (result.ok ? [result.articleId] : [])));
  return results;
}
