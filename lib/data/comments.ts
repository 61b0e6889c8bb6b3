import "server-only";
import { getDb } from "@/lib/db";
import { publicCommentSelect, toPublicComment, type PublicCommentDto } from "@/lib/data/dto";
import { findCommentableArticle } from "@/lib/data/articles";
import type { CommentFieldErrors, CommentInput } from "@/lib/validation/comment";
import type { HeldReason } from "@/lib/comments/held-reasons";

export async function listApprovedComments(articleId: number): Promise<PublicCommentDto[]> {
  const rows = await getDb().comment.findMany({
    where: { articleId, status: "APPROVED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: publicCommentSelect,
  });
  return rows.map(toPublicComment);
}

// Only the ids the commenter's signed cookie names, and only while they still wait: this is the author's own view.
export async function listOwnPendingComments(articleId: number, ids: readonly number[]): Promise<PublicCommentDto[]> {
  if (ids.length === 0) return [];
  const rows = await getDb().comment.findMany({
    where: { articleId, status: "PENDING", id: { in: [...ids] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: publicCommentSelect,
  });
  return rows.map(toPublicComment);
}

export type CreateCommentResult = { ok: true; id: number; articleSlug: string } | { ok: false; errors: CommentFieldErrors };

// The same message for a parent that is missing, waiting, removed or on another article: no comment's existence
// or status can be probed through replies.
const UNAVAILABLE_PARENT = "The comment you are replying to is not available";

export async function createHeldComment(input: CommentInput, heldReasons: HeldReason[]): Promise<CreateCommentResult> {
  const article = await findCommentableArticle(input.articleId);
  if (!article) {
    return { ok: false, errors: { form: "Comments are closed on this article" } };
  }
  if (input.parentId !== null) {
    const parent = await getDb().comment.findFirst({
      where: { id: input.parentId, articleId: input.articleId, status: "APPROVED" },
      select: { id: true },
    });
    if (!parent) return { ok: false, errors: { parentId: UNAVAILABLE_PARENT } };
  }
  const created = await getDb().comment.create({
    data: {
      articleId: input.articleId,
      parentId: input.parentId,
      authorName: input.name,
      authorEmail: input.email,
      authorWebsite: input.website,
      body: input.body,
      status: "PENDING",
      heldReasons,
    },
    select: { id: true },
  });
  return { ok: true, id: created.id, articleSlug: article.slug };
}
