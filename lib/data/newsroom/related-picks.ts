import "server-only";
import { auditArticle, lockArticle, refused, type Refusal } from "@/lib/data/newsroom/article-lock";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { mayEditArticle } from "@/lib/newsroom/workflow";
import { can } from "@/lib/staff/capabilities";

// The editor's related picks (shown before the related articles found by topic and section), and the search that
// finds articles to pick or to link from the body's READ ALSO. Picks are not part of the content a save writes
// (the importer leaves them alone too), so they are saved on their own and do not move the version.

export const MAX_RELATED_PICKS = 6;
const FOUND_AT_MOST = 8;

export type LinkableArticle = { id: number; slug: string; headline: string; publishedAt: Date | null };
export type PicksOutcome = { ok: true; relatedIds: number[] } | Refusal;

export async function listRelatedPicks(staff: StaffIdentity, articleId: number): Promise<LinkableArticle[]> {
  if (!can(staff.role, "write")) return [];
  const picks = await getDb().relatedPick.findMany({
    where: { articleId },
    orderBy: { position: "asc" },
    select: { related: { select: { id: true, slug: true, headline: true, publishedAt: true } } },
  });
  return picks.map((pick) => pick.related);
}

export async function saveRelatedPicks(staff: StaffIdentity, articleId: number, relatedIds: number[]): Promise<PicksOutcome> {
  if (new Set(relatedIds).size !== relatedIds.length) return refused("invalid", "Each related article once.");
  if (relatedIds.length > MAX_RELATED_PICKS) return refused("invalid", `At most ${MAX_RELATED_PICKS} related articles.`);
  if (relatedIds.includes(articleId)) return refused("invalid", "An article is not related to itself.");
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article) return refused("not_found", "That article no longer exists.");
    if (!mayEditArticle(staff, article)) return refused("not_allowed", "You may change only your own drafts; editors change every article.");
    const found = await tx.article.count({ where: { id: { in: relatedIds }, status: "PUBLISHED" } });
    if (found !== relatedIds.length) return refused("invalid", "An article you picked is no longer published. Search for it again.");
    await tx.relatedPick.deleteMany({ where: { articleId } });
    await tx.relatedPick.createMany({ data: relatedIds.map((relatedId, position) => ({ articleId, relatedId, position })) });
    await auditArticle(tx, staff.id, articleId, "article_picks", relatedIds.length ? `Related: ${relatedIds.join(", ")}` : "No related picks");
    return { ok: true, relatedIds } as const;
  });
}

/**
 * Published articles whose headline contains the words typed (in any case), or whose address is the text typed,
 * newest first. `%` and `_` are matched as themselves, not as wildcards.
 */
export async function findLinkableArticles(staff: StaffIdentity, query: string, excludeId: number): Promise<LinkableArticle[]> {
  const text = query.trim().slice(0, 200);
  if (!can(staff.role, "write") || text.length < 2) return [];
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return getDb().$queryRaw<LinkableArticle[]>`
    SELECT id, slug, headline, "publishedAt" FROM "Article"
    WHERE status = 'PUBLISHED' AND id <> ${excludeId} AND (headline ILIKE ${pattern} OR slug = ${text.toLowerCase()})
    ORDER BY "publishedAt" DESC NULLS LAST, id DESC
    LIMIT ${FOUND_AT_MOST}`;
}
