import "server-only";
import { toArticleSummary, type ArticleSummaryDto, type SummaryRow } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";

// Article summaries with their approved comments counted for these articles only, on the (articleId, status) index.
// Prisma's relation count in a select (`_count` with a filter) counted every article's approved comments and then
// joined the few it wanted: 400–600 ms for each listing, and for each article page, once 180,000 were approved.
export async function toArticleSummaries(rows: SummaryRow[]): Promise<ArticleSummaryDto[]> {
  const counts = await countApprovedComments(rows.map((row) => row.id));
  return rows.map((row) => toArticleSummary(row, counts.get(row.id) ?? 0));
}

async function countApprovedComments(articleIds: number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const groups = await getDb().comment.groupBy({
    by: ["articleId"],
    where: { articleId: { in: [...new Set(articleIds)] }, status: "APPROVED" },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.articleId, group._count._all]));
}
