import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SearchSnippet } from "@/components/article/search-snippet";
import { Pagination } from "@/components/layout/pagination";
import { SearchForm } from "@/components/layout/search-form";
import { searchArticles } from "@/lib/data/articles/search";
import { formatDate } from "@/lib/format/dates";
import { pageMetadata } from "@/lib/seo/metadata";
import { paths } from "@/lib/site";
import { normalizeSearchQuery, parseListingPage } from "@/lib/validation/search-params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = normalizeSearchQuery((await searchParams).q);
  // Result pages are for readers, not for search engines' indexes.
  return pageMetadata({ title: query ? `Search: ${query}` : "Search", path: "/search", noindex: true });
}

// Server-rendered search: a GET form, results as links, numbered pages. Odd input gets a calm answer, never an error.
export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const query = normalizeSearchQuery(params.q);
  const page = parseListingPage(params.page) ?? 1;
  const results = query ? await searchArticles(query, page) : null;
  return (
    <div className="max-w-3xl">
      <h1 className="font-serif text-4xl font-bold">Search</h1>
      <SearchForm id="search-page-query" label="Search for" query={query} large />
      <div role="status" className="mt-6 text-neutral-700">
        {!results && <p>Type a word or two: a name, a place, a topic. Use quotes for an exact phrase.</p>}
        {results && results.total === 0 && <p>Nothing matches “{query}”. Try fewer or different words.</p>}
        {results && results.total > 0 && results.hits.length === 0 && (
          <p>
            There are only {results.pageCount} pages of results for “{query}”.
          </p>
        )}
        {results && results.hits.length > 0 && (
          <p>
            {results.total} {results.total === 1 ? "story matches" : "stories match"} “{query}”
            {results.pageCount > 1 && ` · page ${results.page} of ${results.pageCount}`}
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
              {hit.publishedAt && <p className="mt-1 text-sm text-neutral-600">{formatDate(hit.publishedAt)}</p>}
            </li>
          ))}
        </ol>
      )}
      {results && <Pagination basePath="/search" page={Math.min(page, results.pageCount)} pageCount={results.pageCount} query={{ q: query }} />}
    </div>
  );
}
