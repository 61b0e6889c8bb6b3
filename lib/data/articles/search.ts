import "server-only";
import { toArticleSummaries } from "@/lib/data/articles/summaries";
import { articleSummarySelect, type ArticleSummaryDto } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";
import { MATCH_END, MATCH_START, searchSnippet } from "@/lib/format/search-snippet";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchSort } from "@/lib/validation/search-params";

export const SEARCH_PAGE_SIZE = 10;

// ts_headline's own snippets (MaxWords, MinWords, MaxFragments) start wherever its run of words around a match
// starts, mid-sentence and without a sign of it. So it only marks every match in the whole text (HighlightAll), with
// its stemming (a search for "ferry" marks "ferries"), and searchSnippet() picks the sentence.
export const SNIPPET_HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;

export type SearchHit = ArticleSummaryDto & { snippet: string };
export type SearchResults = { hits: SearchHit[]; total: number; page: number; pageCount: number };
export type SearchOptions = { sort?: SearchSort; section?: string | null };

// PostgreSQL full-text search over the generated, weighted search vector (GIN index): the query is read the way a
// search box is (quotes, or, -word), ranked by ts_rank_cd (or ordered newest first), optionally within one section,
// and only the shown page gets highlighted snippets. The total comes from the same pass (a window count), so a
// phrase is checked against the rows once, not twice.
export async function searchArticles(query: string, page: number, { sort = "relevance", section = null }: SearchOptions = {}): Promise<SearchResults> {
  const db = getDb();
  const inSection = sectionFilter(section);
  const order = sort === "newest" ? Prisma.sql`"publishedAt" DESC, id DESC` : Prisma.sql`rank DESC, "publishedAt" DESC, id DESC`;
  const ranked = await db.$queryRaw<{ id: number; marked: string | null; total: number }[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
    hits AS (
      SELECT a.id, a.dek, a.body, ts_rank_cd(a."searchVector", q.query) AS rank, a."publishedAt", count(*) OVER () AS total
      FROM "Article" a, q
      WHERE a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL AND a."searchVector" @@ q.query ${inSection}
      ORDER BY ${order}
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT hits.id, hits.total::int AS total,
      ts_headline('english',
        concat_ws(E'\\n', hits.dek, (SELECT string_agg(value, E'\\n') FROM jsonb_array_elements_text(jsonb_path_query_array(hits.body, '$[*].text')))),
        q.query, ${SNIPPET_HEADLINE_OPTIONS}) AS marked
    FROM hits, q
    ORDER BY ${order}`;
  // A page past the end has no rows to carry the total: only then is it counted on its own.
  const total = ranked[0]?.total ?? (page > 1 ? await countMatches(query, inSection) : 0);
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const rows = await db.article.findMany({ where: { id: { in: ranked.map((hit) => hit.id) } }, select: articleSummarySelect });
  const byId = new Map((await toArticleSummaries(rows)).map((summary) => [summary.id, summary]));
  const hits = ranked.flatMap((hit) => {
    const article = byId.get(hit.id);
    return article ? [{ ...article, snippet: searchSnippet(hit.marked ?? "") }] : [];
  });
  return { hits, total, page, pageCount };
}

// Limits a search to one section, named by its slug (one that names no section finds nothing).
function sectionFilter(section: string | null): Prisma.Sql {
  return section === null ? Prisma.empty : Prisma.sql`AND a."sectionId" = (SELECT id FROM "Section" WHERE slug = ${section})`;
}

async function countMatches(query: string, inSection: Prisma.Sql): Promise<number> {
  const [counted] = await getDb().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "Article" a
    WHERE a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL AND a."searchVector" @@ websearch_to_tsquery('english', ${query}) ${inSection}`;
  return counted?.total ?? 0;
}
