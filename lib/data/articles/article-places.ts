import "server-only";
import { getDb } from "@/lib/db";
import type { ArticlePlaces } from "@/lib/edge/edge-keys";

/** The addresses an article shows on with its comment count, for purging them from an HTTP cache. */
export async function findArticlePlaces(articleIds: number[]): Promise<ArticlePlaces[]> {
  if (articleIds.length === 0) return [];
  const rows = await getDb().article.findMany({
    where: { id: { in: articleIds } },
    select: {
      slug: true,
      section: { select: { slug: true } },
      tags: { select: { tag: { select: { slug: true } } } },
      authors: { select: { author: { select: { slug: true } } } },
    },
  });
  return rows.map((row) => ({
    slug: row.slug,
    section: row.section.slug,
    tags: row.tags.map(({ tag }) => tag.slug),
    authors: row.authors.map(({ author }) => author.slug),
  }));
}
