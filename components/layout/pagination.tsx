import Link from "next/link";

// Numbered pages with their own addresses (?page=n; the first page is the plain address), so every page can be
// linked, crawled and read without JavaScript. Long runs are shortened around the current page.
export function Pagination({ basePath, page, pageCount, query }: { basePath: string; page: number; pageCount: number; query?: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(query);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label="Pages" className="mt-10 flex flex-wrap items-center gap-2 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className="rounded border border-neutral-300 px-3 py-1.5 hover:bg-neutral-100">
          ← Newer
        </Link>
      )}
      {shown.map((n, index) => (
        <span key={n} className="flex items-center gap-2">
          {index > 0 && n - shown[index - 1]! > 1 && <span aria-hidden="true">…</span>}
          {n === page ? (
            <span aria-current="page" className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
              {n}
            </span>
          ) : (
            <Link href={href(n)} aria-label={`Page ${n}`} className="rounded border border-neutral-300 px-3 py-1.5 hover:bg-neutral-100">
              {n}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount && (
        <Link href={href(page + 1)} rel="next" className="rounded border border-neutral-300 px-3 py-1.5 hover:bg-neutral-100">
          Older →
        </Link>
      )}
    </nav>
  );
}
