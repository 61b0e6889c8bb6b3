import { MAX_SEARCH_LENGTH, SEARCH_SORTS, type SearchSort } from "@/lib/validation/search-params";

const SORT_LABELS: Record<SearchSort, string> = { relevance: "Best match", newest: "Newest first" };

const control = "rounded border border-neutral-400 px-3 py-2";
// On a phone the two choices share a row when their names fit (each at least 9rem), or take one each at 320 px;
// the button then spans the row below.
const choice = "flex min-w-0 grow basis-36 flex-col gap-1 sm:grow-0 sm:basis-auto";

// The search page's form: the query with a section and an order, as plain GET parameters, so a search, its filter and
// its order work without JavaScript and every result page can be linked. It holds the current choices; on this page
// the header's box steps aside (see HeaderSearch), so there is one search form at every width.
export function SearchPageForm({
  query,
  sort,
  section,
  sections,
}: {
  query: string;
  sort: SearchSort;
  section: string | null;
  sections: { slug: string; name: string }[];
}) {
  return (
    <form action="/search" method="get" role="search" className="mt-4 flex flex-wrap items-end gap-x-3 gap-y-3">
      <div className="flex w-full flex-col gap-1">
        <label htmlFor="search-page-query" className="text-sm font-semibold">
          Search for
        </label>
        <input id="search-page-query" name="q" type="search" defaultValue={query} maxLength={MAX_SEARCH_LENGTH} className={`min-w-0 ${control}`} />
      </div>
      <div className={choice}>
        <label htmlFor="search-page-section" className="text-sm font-semibold">
          Section
        </label>
        <select id="search-page-section" name="section" defaultValue={section ?? ""} className={`min-w-0 bg-white ${control}`}>
          <option value="">All sections</option>
          {sections.map((entry) => (
            <option key={entry.slug} value={entry.slug}>
              {entry.name}
            </option>
          ))}
        </select>
      </div>
      <div className={choice}>
        <label htmlFor="search-page-sort" className="text-sm font-semibold">
          Sort by
        </label>
        <select id="search-page-sort" name="sort" defaultValue={sort} className={`min-w-0 bg-white ${control}`}>
          {SEARCH_SORTS.map((value) => (
            <option key={value} value={value}>
              {SORT_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="grow rounded bg-neutral-900 px-5 py-2 font-semibold text-white sm:grow-0">
        Search
      </button>
    </form>
  );
}
