import "server-only";
import { publishedWhere } from "@/lib/data/articles/listings";
import { getDb } from "@/lib/db";

const feedSelect = {
  slug: true,
  headline: true,
  dek: true,
  publishedAt: true,
  updatedAt: true,
  imageSrc: true,
  imageAlt: true,
  section: { select: { name: true } },
  authors: { orderBy: { position: "asc" as const }, select: { author: { select: { name: true } } } },
  tags: { select: { tag: { select: { name: true } } } },
};

// The newest published articles, of the site or of one section, for RSS.
export async function listFeedArticles(sectionSlug: string | null, limit: number) {
  if (sectionSlug) {
    const section = await getDb().section.findUnique({ where: { slug: sectionSlug }, select: { id: true, name: true, description: true, slug: true } });
    if (!section) return null;
    const articles = await getDb().article.findMany({
      where: { ...publishedWhere, sectionId: section.id },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: feedSelect,
    });
    return { section, articles };
  }
  const articles = await getDb().article.findMany({
    where: publishedWhere,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: feedSelect,
  });
  return { section: null, articles };
}

// Every public address with the time its content last changed for real: an article's substantive update (or its
// publication), a listing's newest story. Nothing is stamped with "now".
export async function listSitemapEntries(limit: number) {
  const db = getDb();
  const [articles, sections, tags, authors] = await Promise.all([
    db.article.findMany({
      where: publishedWhere,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { slug: true, publishedAt: true, updatedAt: true },
    }),
    db.$queryRaw<{ slug: string; lastmod: Date | null }[]>`
      SELECT s.slug, max(coalesce(a."updatedAt", a."publishedAt")) AS lastmod FROM "Section" s
      JOIN "Article" a ON a."sectionId" = s.id AND a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL GROUP BY s.slug`,
    db.$queryRaw<{ slug: string; lastmod: Date | null }[]>`
      SELECT t.slug, max(coalesce(a."updatedAt", a."publishedAt")) AS lastmod FROM "Tag" t
      JOIN "ArticleTag" at ON at."tagId" = t.id JOIN "Article" a ON a.id = at."articleId" AND a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL GROUP BY t.slug`,
    db.$queryRaw<{ slug: string; lastmod: Date | null }[]>`
      SELECT au.slug, max(coalesce(a."updatedAt", a."publishedAt")) AS lastmod FROM "Author" au
      JOIN "ArticleAuthor" aa ON aa."authorId" = au.id JOIN "Article" a ON a.id = aa."articleId" AND a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL GROUP BY au.slug`,
  ]);
  return { articles, sections, tags, authors };
}

// Google News wants only articles first published in the last two days.
export async function listNewsSitemapArticles(now = new Date()) {
  return getDb().article.findMany({
    where: { status: "PUBLISHED", publishedAt: { gte: new Date(now.getTime() - 48 * 3_600_000), lte: now } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 1000,
    select: { slug: true, headline: true, publishedAt: true },
  });
}
