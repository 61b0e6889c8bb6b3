import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatusName } from "@/lib/newsroom/workflow";

// What every newsroom write starts and ends with: the article's row locked for the rest of the transaction (a second
// change waits, then sees the first), and an audit row naming who did what to which article.

export type Tx = Prisma.TransactionClient;
export type LockedArticle = { id: number; slug: string; status: ArticleStatusName; version: number; createdById: number | null; publishedAt: Date | null };

/** A refusal with nothing changed, said to the member who asked. */
export type Refusal = { ok: false; error: "not_found" | "not_allowed" | "invalid"; message: string };

export async function lockArticle(tx: Tx, articleId: number): Promise<LockedArticle | null> {
  const [row] = await tx.$queryRaw<LockedArticle[]>`
    SELECT id, slug, status::text AS status, version, "createdById", "publishedAt" FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
  return row ?? null;
}

export async function auditArticle(tx: Tx, staffUserId: number, articleId: number, action: string, reason: string): Promise<void> {
  await tx.moderationAction.create({ data: { staffUserId, articleId, action, reason } });
}

export function refused(error: Refusal["error"], message: string): Refusal {
  return { ok: false, error, message };
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown }).code === "P2002";
}
