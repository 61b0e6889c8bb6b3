import { FilterForm, FilterSearch, FilterSelect } from "@/components/console/filter-form";
import { ARTICLE_STATUSES, STATUS_LABELS } from "@/lib/newsroom/status-labels";
import type { NewsroomArticleFilters as Filters } from "@/lib/validation/newsroom-articles";

type Props = Filters & { sections: { id: number; name: string }[]; authors: { id: number; name: string }[] };

// Each field shows the filter actually applied, so a value the list did not understand shows as no filter.
export function NewsroomArticleFilters({ status, section, author, q, mine, sections, authors }: Props) {
  const byName = (entry: { id: number; name: string }) => ({ value: entry.id, label: entry.name });
  return (
    <FilterForm action="/admin/articles" label="Filter articles">
      <FilterSearch label="Headline contains" value={q} />
      <FilterSelect
        label="Status"
        name="status"
        value={status}
        emptyLabel="Any status"
        options={ARTICLE_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }))}
      />
      <FilterSelect label="Section" name="section" value={section} emptyLabel="Any section" options={sections.map(byName)} />
      <FilterSelect label="Author" name="author" value={author} emptyLabel="Any author" options={authors.map(byName)} />
      <label className="flex items-center gap-2 py-1">
        <input type="checkbox" name="mine" value="1" defaultChecked={mine} />
        <span>Only articles I started</span>
      </label>
    </FilterForm>
  );
}
