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

export type OwnWaitingCommentDto = PublicCommentDto & { waitingFor: "moderation" | "confirmation" };

// Only the ids the commenter's signed cookie names, and only while they still wait: this is the author's own view.
export async function listOwnWaitingComments(articleId: number, ids: readonly number[]): Promise<OwnWaitingCommentDto[]> {
  if (ids.length === 0) return [];
  const rows = await getDb().comment.findMany({
    where: { articleId, status: { in: ["PENDING", "UNCONFIRMED"] }, id: { in: [...ids] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...publicCommentSelect, status: true },
  });
  return rows.map(({ status, ...row }) => ({
    ...toPublicComment(row),
    waitingFor: status === "UNCONFIRMED" ? "confirmation" : "moderation",
  }));
}

export async function findApprovedCommentArticle(commentId: number): Promise<{ id: number; slug: string } | null> {
  const row = await getDb().comment.findFirst({
    where: { id: commentId, status: "APPROVED", article: { status: "PUBLISHED" } },
    select: { article: { select: { id: true, slug: true } } },
  });
  return row?.article ?? null;
}
