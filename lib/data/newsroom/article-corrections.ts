import "server-only";
import { auditArticle, lockArticle, refused, type Refusal } from "@/lib/data/newsroom/article-lock";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { can } from "@/lib/staff/capabilities";
import { correctionTextSchema } from "@/lib/validation/article-form";

// Corrections are appended, never edited or removed: a reader who saw the mistake must be able to find the note that
// corrects it, dated when it was made (shown on the article and in its structured data as CorrectionComment).
// Only editors correct, and only a published article: a draft is simply fixed.

export type CorrectionOutcome = { ok: true; correctionId: number; publishedAt: Date } | Refusal;

export async function appendCorrection(staff: StaffIdentity, articleId: number, text: string): Promise<CorrectionOutcome> {
  if (!can(staff.role, "edit")) return refused("not_allowed", "Only editors add corrections.");
  const parsed = correctionTextSchema.safeParse(text);
  if (!parsed.success) return refused("invalid", parsed.error.issues[0]!.message);
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article) return refused("not_found", "That article no longer exists.");
    if (article.status !== "PUBLISHED") return refused("invalid", "Only a published article is corrected; change a draft in the editor.");
    const correction = await tx.correction.create({ data: { articleId, text: parsed.data }, select: { id: true, publishedAt: true } });
    await auditArticle(tx, staff.id, articleId, "article_correct", parsed.data);
    return { ok: true, correctionId: correction.id, publishedAt: correction.publishedAt } as const;
  });
}

/** An article's corrections, oldest first, as the page shows them. */
export async function listCorrections(staff: StaffIdentity, articleId: number) {
  if (!can(staff.role, "write")) return [];
  return getDb().correction.findMany({
    where: { articleId },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    select: { id: true, text: true, publishedAt: true },
  });
}
