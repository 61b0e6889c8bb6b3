import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SearchSnippet } from "@/components/article/search-snippet";
import { Pagination } from "@/components/layout/pagination";
import { RelativeTime } from "@/components/layout/relative-time";
import { SearchPageForm } from "@/components/layout/search-page-form";
import { listSections } from "@/lib/data/articles/listings";
import { searchArticles } from "@/lib/data/articles/search";
import { formatDateTime } from "@/lib/format/dates";
import { pageMetadata } from "@/lib/seo/metadata";
import { paths } from "@/lib/site";
import { normalizeSearchQuery, searchPageParamsSchema, type SearchSort } from "@/lib/validation/search-params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = normalizeSearchQuery((await searchParams).q);
  // Result pages are for readers, not for search engines' indexes.
  return pageMetadata({ title: query ? `Search: ${query}` : "Search", path: "/search", noindex: true });
}

// Server-rendered search: a GET form, results as links, numbered pages. Odd input gets a calm answer, never an error.
export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const params = searchPageParamsSchema.parse(await searchParams);
  const { q: query, sort, page } = params;
  // Read fresh, not from the header's cache, which may lag a change made outside the app by minutes: results are
  // never cached, so a new section's stories are found at once, and the filter offers that section at once too. A
  // slug that names no section is ignored like any other odd parameter: the search covers every section.
  const sections = await listSections();
  const section = sections.find((entry) => entry.slug === params.section) ?? null;
  const results = query ? await searchArticles(query, page, { sort, section: section?.slug ?? null }) : null;
  const where = section ? ` in ${section.name}` : "";
  return (
    <div className="max-w-3xl">
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      <SearchPageForm query={query} sort={sort} section={section?.slug ?? null} sections={sections} />
      <div role="status" className="mt-6 text-neutral-700">
        {!results && <p>Type a word or two: a name, a place, a topic. Use quotes for an exact phrase.</p>}
        {results && results.total === 0 && (
          <p>
            Nothing{where} matches “{query}”. Try fewer or different words
            {section && (
              <>
                , or{" "}
                <Link href={searchHref(query, sort, null)} className="underline">
                  search every section
                </Link>
              </>
            )}
            .
          </p>
        )}
        {results && results.total > 0 && results.hits.length === 0 && (
          <p>
            There are only {results.pageCount} pages of results for “{query}”{where}.
          </p>
        )}
        {results && results.hits.length > 0 && (
          <p>
            {results.total} {results.total === 1 ? "story" : "stories"}
            {where} {results.total === 1 ? "matches" : "match"} “{query}”{results.pageCount > 1 && ` · page ${results.page} of ${results.pageCount}`}
          </p>
        )}
      </div>
      {results && results.hits.length > 0 && (
        <ol className="mt-6 space-y-8">
          {results.hits.map((hit) => (
            <li key={hit.id}>
              <p className="text-xs font-semibold tracking-wider text-brand uppercase">{hit.section.name}</p>
              <h2 className="mt-1 font-serif text-2xl leading-tight font-bold">
                <Link href={paths.article(hit.slug)} className="hover:underline">
                  {hit.headline}
                </Link>
              </h2>
              <SearchSnippet snippet={hit.snippet} />
              {hit.publishedAt && (
                <p className="mt-1 text-sm text-neutral-600">
                  <RelativeTime iso={hit.publishedAt}>{formatDateTime(hit.publishedAt)}</RelativeTime>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {results && (
        <Pagination
          basePath="/search"
          page={Math.min(page, results.pageCount)}
          pageCount={results.pageCount}
          query={searchParamsFor(query, sort, section?.slug ?? null)}
        />
      )}
    </div>
  );
}

// The parameters that keep a search's choices in its links; the defaults add nothing.
function searchParamsFor(query: string, sort: SearchSort, section: string | null): Record<string, string> {
  return { q: query, ...(section && { section }), ...(sort !== "relevance" && { sort }) };
}

function searchHref(query: string, sort: SearchSort, section: string | null): string {
  return `/search?${new URLSearchParams(searchParamsFor(query, sort, section)).toString()}`;
}
