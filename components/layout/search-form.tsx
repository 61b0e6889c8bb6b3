// The search box: a plain GET form, so search works without JavaScript. The header's is compact; the one on error
// and 404 pages is larger. The search page has its own form (SearchPageForm).
export function SearchForm({ id, label, large = false }: { id: string; label: string; large?: boolean }) {
  const size = large ? "px-4 py-2" : "px-3 py-1.5 text-sm";
  return (
    <form action="/search" method="get" role="search" className={`flex gap-2 ${large ? "mt-4" : "w-full sm:w-96"}`}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        maxLength={200}
        placeholder="Hi, what are you looking for?"
        className={`min-w-0 flex-1 rounded border border-neutral-400 placeholder:text-neutral-600 ${size}`}
      />
      <button type="submit" className={`rounded bg-neutral-900 font-semibold text-white ${size}`}>
        Search
      </button>
    </form>
  );
}
