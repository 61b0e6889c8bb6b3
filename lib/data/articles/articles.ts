import "server-only";
import { publishedWhere as published } from "@/lib/data/articles/listings";
import { toArticleSummaries } from "@/lib/data/articles/summaries";
import { articleDetailSelect, type ArticleDetailDto, type RenderBlock } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseArticleBody } from "@/lib/validation/article-body";
import { parseArticleSources } from "@/lib/validation/article-sources";

export async function findPublishedArticleBySlug(slug: string): Promise<ArticleDetailDto | null> {
  const row = await getDb().article.findFirst({ where: { slug, ...published }, select: articleDetailSelect });
  return row ? toArticleDetail(row) : null;
}

/** What an article's page shows, from its row (also a preview's: lib/data/articles/article-preview.ts). */
export async function toArticleDetail(row: Prisma.ArticleGetPayload<{ select: typeof articleDetailSelect }>): Promise<ArticleDetailDto> {
  const body = parseArticleBody(row.body);
  const [blocks, [summary]] = await Promise.all([resolveBlocks(body), toArticleSummaries([row])]);
  return {
    ...summary!,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    commentsOpen: row.commentsOpen,
    kind: row.kind,
    sectionId: row.sectionId,
    authors: row.authors.map(({ author }) => author),
    tags: row.tags.map(({ tag }) => tag),
    sources: parseArticleSources(row.sources),
    corrections: row.corrections.map((correction) => ({ text: correction.text, publishedAt: correction.publishedAt.toISOString() })),
    caption: row.imageCaption,
    credit: row.imageCredit,
    blocks,
    readingMinutes: readingMinutes([row.headline, row.dek, ...body.flatMap((block) => ("text" in block ? [block.text] : []))].join(" ")),
    linkedIds: blocks.flatMap((block) => (block.type === "readAlso" ? [block.id] : [])),
  };
}

// At 230 words a minute, rounded up: a reader's honest estimate, never "0 min".
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / 230));
}

// A slug the article had before, for the permanent redirect to its current address.
export async function findCurrentSlug(oldSlug: string): Promise<string | null> {
  const redirect = await getDb().articleSlugRedirect.findUnique({
    where: { slug: oldSlug },
    select: { article: { select: { slug: true, status: true, publishedAt: true } } },
  });
  return redirect && redirect.article.status === "PUBLISHED" && redirect.article.publishedAt ? redirect.article.slug : null;
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
    return target ? [{ type: "readAlso", id: target.id, slug: target.slug, headline: target.headline }] : [];
  });
}

export async function findPublishedArticleId(id: number): Promise<number | null> {
  const row = await getDb().article.findFirst({ where: { id, ...published }, select: { id: true } });
  return row?.id ?? null;
}
