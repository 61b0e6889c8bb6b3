import "server-only";
import { toArticleSummaries } from "@/lib/data/articles/summaries";
import { articleSummarySelect, type ArticleSummaryDto } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const LISTING_PAGE_SIZE = 12;

export const publishedWhere = { status: "PUBLISHED" as const, publishedAt: { not: null } };

export type Listing = { articles: ArticleSummaryDto[]; total: number; page: number; pageCount: number };

// One page of published articles, newest first. A page past the end is null (answered 404); the first page of an
// empty listing is an empty listing.
async function listPage(where: Prisma.ArticleWhereInput, page: number): Promise<Listing | null> {
  const filter = { ...publishedWhere, ...where };
  const total = await getDb().article.count({ where: filter });
  const pageCount = Math.max(1, Math.ceil(total / LISTING_PAGE_SIZE));
  if (page > pageCount) return null;
  const rows = await getDb().article.findMany({
    where: filter,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * LISTING_PAGE_SIZE,
    take: LISTING_PAGE_SIZE,
    select: articleSummarySelect,
  });
  return { articles: await toArticleSummaries(rows), total, page, pageCount };
}

export async function findSectionListing(slug: string, page: number) {
  const section = await getDb().section.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
  if (!section) return null;
  const listing = await listPage({ sectionId: section.id }, page);
  return listing && { section, listing };
}

export async function findTagListing(slug: string, page: number) {
  const tag = await getDb().tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
  if (!tag) return null;
  const listing = await listPage({ tags: { some: { tagId: tag.id } } }, page);
  return listing && { tag, listing };
}

export async function findAuthorListing(slug: string, page: number) {
  const author = await getDb().author.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, bio: true } });
  if (!author) return null;
  const listing = await listPage({ authors: { some: { authorId: author.id } } }, page);
  return listing && { author, listing };
}

export async function listSections() {
  return getDb().section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } });
}

// The front page: the latest stories, and the newest few of each section.
export async function findFrontPage(latestCount: number, perSection: number) {
  const [latest, sections] = await Promise.all([
    getDb().article.findMany({ where: publishedWhere, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: latestCount, select: articleSummarySelect }),
    listSections(),
  ]);
  const blocks = await Promise.all(
    sections.map(async (section) => ({
      section,
      rows: await getDb().article.findMany({
        where: { ...publishedWhere, sectionId: section.id },
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        take: perSection,
        select: articleSummarySelect,
      }),
    })),
  );
  // Every story on the page counted at once.
  const summaries = new Map((await toArticleSummaries([...latest, ...blocks.flatMap((block) => block.rows)])).map((summary) => [summary.id, summary]));
  const summariesOf = (rows: { id: number }[]) => rows.map((row) => summaries.get(row.id)!);
  return {
    latest: summariesOf(latest),
    sections: blocks.filter((block) => block.rows.length > 0).map((block) => ({ section: block.section, articles: summariesOf(block.rows) })),
  };
}

// Real counts of comments approved in the last seven days; articles without any are not listed.
export async function listMostCommented(days: number, limit: number, now = new Date()) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const groups = await getDb().comment.groupBy({
    by: ["articleId"],
    where: { status: "APPROVED", createdAt: { gte: since }, article: publishedWhere },
    _count: { _all: true },
    orderBy: [{ _count: { articleId: "desc" } }, { articleId: "desc" }],
    take: limit,
  });
  const articles = await getDb().article.findMany({
    where: { id: { in: groups.map((group) => group.articleId) } },
    select: { id: true, slug: true, headline: true },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  return groups.flatMap((group) => {
    const article = byId.get(group.articleId);
    return article ? [{ ...article, comments: group._count._all }] : [];
  });
}
