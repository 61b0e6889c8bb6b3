import "server-only";
import { publishedWhere } from "@/lib/data/articles/listings";
import { toArticleSummaries } from "@/lib/data/articles/summaries";
import { articleSummarySelect, type ArticleSummaryDto } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";

type RelatedSource = { id: number; sectionId: number; publishedAt: string | null; tagSlugs: string[]; linkedIds: number[] };

// Related articles: the editor's picks first, then articles sharing the most tags (two points each) and the section
// (one point), newest first among equals. Never the article itself, nor what it already links (linkedIds).
export async function findRelatedArticles(article: RelatedSource, limit: number): Promise<ArticleSummaryDto[]> {
  const picks = await getDb().relatedPick.findMany({
    where: { articleId: article.id, related: { ...publishedWhere, id: { notIn: article.linkedIds } } },
    orderBy: { position: "asc" },
    take: limit,
    select: { related: { select: articleSummarySelect } },
  });
  const chosen = await toArticleSummaries(picks.map(({ related }) => related));
  if (chosen.length >= limit) return chosen;

  const exclude = [article.id, ...article.linkedIds, ...chosen.map((pick) => pick.id)];
  const scored = await getDb().$queryRaw<{ id: number }[]>`
    SELECT a.id
    FROM "Article" a
    LEFT JOIN "ArticleTag" at ON at."articleId" = a.id
      AND at."tagId" IN (SELECT t.id FROM "Tag" t WHERE t.slug = ANY(${article.tagSlugs}::text[]))
    WHERE a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL AND a.id <> ALL(${exclude}::int[])
    GROUP BY a.id
    HAVING COUNT(at."tagId") > 0 OR a."sectionId" = ${article.sectionId}
    ORDER BY COUNT(at."tagId") * 2 + CASE WHEN a."sectionId" = ${article.sectionId} THEN 1 ELSE 0 END DESC, a."publishedAt" DESC, a.id DESC
    LIMIT ${limit - chosen.length}`;
  const rows = await getDb().article.findMany({ where: { id: { in: scored.map((row) => row.id) } }, select: articleSummarySelect });
  const byId = new Map((await toArticleSummaries(rows)).map((summary) => [summary.id, summary]));
  return [...chosen, ...scored.flatMap((row) => byId.get(row.id) ?? [])];
}

// The neighbours in the section by publication time, for "previous" and "next" links, passing over the stories the
// article already links inline.
export async function findSectionNeighbours(article: RelatedSource) {
  if (!article.publishedAt) return { previous: null, next: null };
  const at = new Date(article.publishedAt);
  const select = { id: true, slug: true, headline: true } as const;
  const where = { ...publishedWhere, sectionId: article.sectionId, id: { notIn: [article.id, ...article.linkedIds] } };
  const [previous, next] = await Promise.all([
    getDb().article.findFirst({ where: { ...where, publishedAt: { lt: at } }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select }),
    getDb().article.findFirst({ where: { ...where, publishedAt: { gt: at } }, orderBy: [{ publishedAt: "asc" }, { id: "asc" }], select }),
  ]);
  return { previous, next };
}

// What the end of an article offers besides its own READ ALSO links: the previous and next stories in its section,
// and related stories, each story once: neighbours pass over the inline links, and related stories are neither.
export async function findArticleSurroundings(article: RelatedSource, relatedLimit: number) {
  const { previous, next } = await findSectionNeighbours(article);
  const neighbourIds = [previous, next].flatMap((neighbour) => (neighbour ? [neighbour.id] : []));
  const related = await findRelatedArticles({ ...article, linkedIds: [...article.linkedIds, ...neighbourIds] }, relatedLimit);
  return { previous, next, related };
}
