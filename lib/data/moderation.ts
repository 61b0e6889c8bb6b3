import "server-only";
import { getDb } from "@/lib/db";
import { transition, type CommentActionName, type CommentStatusName } from "@/lib/moderation/state-machine";

// Staff-only reads: these are the only queries that select a commenter's email.
export type StaffCommentDto = {
  id: number;
  status: CommentStatusName;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  body: string;
  heldReasons: string[];
  createdAt: string;
  article: { id: number; slug: string; headline: string };
  parent: { id: number; authorName: string; body: string } | null;
};

export const QUEUE_PAGE_SIZE = 50;

export async function listCommentsForModeration(status: CommentStatusName, page = 1): Promise<StaffCommentDto[]> {
  const rows = await getDb().comment.findMany({
    where: { status },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: {
      id: true,
      status: true,
      authorName: true,
      authorEmail: true,
      authorWebsite: true,
      body: true,
      heldReasons: true,
      createdAt: true,
      article: { select: { id: true, slug: true, headline: true } },
      parent: { select: { id: true, authorName: true, body: true } },
    },
  });
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

export async function countCommentsByStatus(): Promise<Record<CommentStatusName, number>> {
  const groups = await getDb().comment.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<CommentStatusName, number> = { UNCONFIRMED: 0, PENDING: 0, APPROVED: 0, REJECTED: 0, SPAM: 0, TRASH: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

export type ModerateResult =
  | { ok: true; articleId: number; from: CommentStatusName; to: CommentStatusName }
  | { ok: false; error: "not_found" | "conflict" | "not_allowed"; message: string };

export type ModerateRequest = {
  staffUserId: number;
  commentId: number;
  action: CommentActionName;
  /** The status the moderator saw; when the comment has moved on since, nothing is overwritten. */
  expectedStatus?: CommentStatusName;
};

export async function moderateComment(request: ModerateRequest): Promise<ModerateResult> {
  return getDb().$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({
      where: { id: request.commentId },
      select: { status: true, articleId: true },
    });
    if (!comment) return { ok: false, error: "not_found", message: "That comment no longer exists" } as const;
    if (request.expectedStatus && comment.status !== request.expectedStatus) {
      return conflict(comment.status);
    }
    const next = transition(comment.status, request.action);
    if (!next.ok) return { ok: false, error: "not_allowed", message: next.reason } as const;

    // Compare-and-set: if another moderator changed the status since it was read, this updates nothing.
    const updated = await tx.comment.updateMany({
      where: { id: request.commentId, status: comment.status },
      data: { status: next.to, statusChangedAt: new Date() },
    });
    if (updated.count === 0) return conflict(undefined);

    await tx.moderationAction.create({
      data: {
        commentId: request.commentId,
        staffUserId: request.staffUserId,
        action: request.action,
        fromStatus: comment.status,
        toStatus: next.to,
      },
    });
    return { ok: true, articleId: comment.articleId, from: comment.status, to: next.to } as const;
  });
}

function conflict(current: CommentStatusName | undefined): ModerateResult {
  const now = current ? ` It is now ${current.toLowerCase()}.` : "";
  return { ok: false, error: "conflict", message: `Another moderator acted on this comment first.${now}` };
}
