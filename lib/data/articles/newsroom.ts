import "server-only";
import { publishedWhere } from "@/lib/data/articles/listings";
import { getDb } from "@/lib/db";

// What the newsroom's own pages list: the corrections it has made, and who writes for it.

const CORRECTIONS_SHOWN = 50;

/** The newest corrections of published articles, each with the article it corrects (dates as ISO strings: cached). */
export async function listRecentCorrections() {
  const corrections = await getDb().correction.findMany({
    where: { article: publishedWhere },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: CORRECTIONS_SHOWN,
    select: { id: true, text: true, publishedAt: true, article: { select: { slug: true, headline: true } } },
  });
  return corrections.map((correction) => ({ ...correction, publishedAt: correction.publishedAt.toISOString() }));
}

/** Everyone with a byline on a published article, by name, with how many stories they have written. */
export async function listBylines() {
  const authors = await getDb().author.findMany({
    where: { articles: { some: { article: publishedWhere } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, name: true, bio: true, _count: { select: { articles: { where: { article: publishedWhere } } } } },
  });
  return authors.map(({ _count, ...author }) => ({ ...author, storyCount: _count.articles }));
}
