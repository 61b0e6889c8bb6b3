import { ARTICLE_STATUSES, STATUS_LABELS } from "@/lib/newsroom/status-labels";
import type { NewsroomArticleFilters as Filters } from "@/lib/validation/newsroom-articles";

type Props = Filters & { sections: { id: number; name: string }[]; authors: { id: number; name: string }[] };

const FIELD = "w-full rounded border border-neutral-400 px-2 py-1";

// A plain GET form: the filters live in the address, so a filtered list can be bookmarked, shared and paged. Each
// field shows the filter actually applied, so a value the list did not understand shows as no filter.
export function NewsroomArticleFilters({ status, section, author, q, mine, sections, authors }: Props) {
  return (
    <form method="get" action="/admin/articles" className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="Filter articles">
      <label className="flex w-full flex-col sm:w-auto">
        <span className="font-semibold">Headline contains</span>
        <input type="search" name="q" defaultValue={q ?? ""} maxLength={100} className={FIELD} />
      </label>
      <label className="flex w-full flex-col sm:w-auto">
        <span className="font-semibold">Status</span>
        <select name="status" defaultValue={status ?? ""} className={FIELD}>
          <option value="">Any status</option>
          {ARTICLE_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-full flex-col sm:w-auto">
        <span className="font-semibold">Section</span>
        <select name="section" defaultValue={section ?? ""} className={FIELD}>
          <option value="">Any section</option>
          {sections.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-full flex-col sm:w-auto">
        <span className="font-semibold">Author</span>
        <select name="author" defaultValue={author ?? ""} className={FIELD}>
          <option value="">Any author</option>
          {authors.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 py-1">
        <input type="checkbox" name="mine" value="1" defaultChecked={mine} />
        <span>Only articles I started</span>
      </label>
      <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
        Filter
      </button>
    </form>
  );
}
