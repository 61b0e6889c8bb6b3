import "server-only";
import { publicCommentSelect, toPublicComment, type PublicCommentDto } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";

export async function listApprovedComments(articleId: number): Promise<PublicCommentDto[]> {
  const rows = await getDb().comment.findMany({
    where: { articleId, status: "APPROVED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: publicCommentSelect,
  });
  return rows.map(toPublicComment);
}

/** How a reader's own unpublished comment stands: waiting for a moderator, for their confirmation, or refused. */
export type OwnCommentState = { state: "moderation" | "confirmation" | "refused"; reason: string | null };
export type OwnCommentDto = PublicCommentDto & { own: OwnCommentState };

const OWN_STATE = { PENDING: "moderation", UNCONFIRMED: "confirmation", REJECTED: "refused" } as const;

// Only the ids the commenter's signed cookie names, while they wait or once a moderator refused them (with the
// reason the moderator gave the commenter): this is the author's own view.
export async function listOwnUnpublishedComments(articleId: number, ids: readonly number[]): Promise<OwnCommentDto[]> {
  if (ids.length === 0) return [];
  const rows = await getDb().comment.findMany({
    where: { articleId, status: { in: ["PENDING", "UNCONFIRMED", "REJECTED"] }, id: { in: [...ids] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...publicCommentSelect, status: true, statusReason: true },
  });
  return rows.map(({ status, statusReason, ...row }) => ({
    ...toPublicComment(row),
    own: { state: OWN_STATE[status as keyof typeof OWN_STATE], reason: status === "REJECTED" ? statusReason : null },
  }));
}

export async function findApprovedCommentArticle(commentId: number): Promise<{ id: number; slug: string } | null> {
  const row = await getDb().comment.findFirst({
    where: { id: commentId, status: "APPROVED", article: { status: "PUBLISHED" } },
    select: { article: { select: { id: true, slug: true } } },
  });
  return row?.article ?? null;
}

/**
 * An id that no comment has or will ever have, taken from the comments' own sequence as an insert takes one (a gap
 * in the ids is normal). The answer to a bot caught by the form's hidden field names it, so that the answer looks
 * like the one a person gets whose comment was stored and held.
 */
export async function reserveUnusedCommentId(): Promise<number> {
  const [row] = await getDb().$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('"Comment"', 'id'))::int AS id`;
  return row!.id;
}
