import "server-only";
import { getDb } from "@/lib/db";
import { parseArticleBody } from "@/lib/validation/article-body";
import {
  articleDetailSelect,
  articleSummarySelect,
  toArticleSummary,
  type ArticleDetailDto,
  type ArticleSummaryDto,
  type RenderBlock,
} from "@/lib/data/dto";

const published = { status: "PUBLISHED" as const, publishedAt: { not: null } };

export async function listLatestArticles(limit: number): Promise<ArticleSummaryDto[]> {
  const rows = await getDb().article.findMany({
    where: published,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: articleSummarySelect,
  });
  return rows.map(toArticleSummary);
}

export async function findPublishedArticleBySlug(slug: string): Promise<ArticleDetailDto | null> {
  const row = await getDb().article.findFirst({ where: { slug, ...published }, select: articleDetailSelect });
  if (!row) return null;
  const blocks = await resolveBlocks(parseArticleBody(row.body));
  return {
    ...toArticleSummary(row),
    updatedAt: row.updatedAt?.toISOString() ?? null,
    commentsOpen: row.commentsOpen,
    authors: row.authors.map(({ author }) => author),
    caption: row.imageCaption,
    credit: row.imageCredit,
    blocks,
  };
}

// READ ALSO blocks show the target's current headline; a target that is missing or unpublished is left out.
async function resolveBlocks(blocks: ReturnType<typeof parseArticleBody>): Promise<RenderBlock[]> {
  const targetIds = blocks.flatMap((block) => (block.type === "readAlso" ? [block.articleId] : []));
  const targets = targetIds.length
    ? await getDb().article.findMany({ where: { id: { in: targetIds }, ...published }, select: { id: true, slug: true, headline: true } })
    : [];
  const byId = new Map(targets.map((target) => [target.id, target]));
  return blocks.flatMap((block): RenderBlock[] => {
    if (block.type !== "readAlso") return [block];
    const target = byId.get(block.articleId);
    return target ? [{ type: "readAlso", slug: target.slug, headline: target.headline }] : [];
  });
}

export async function findPublishedArticleId(id: number): Promise<number | null> {
  const row = await getDb().article.findFirst({ where: { id, ...published }, select: { id: true } });
  return row?.id ?? null;
}
