import { FilterForm, FilterSearch, FilterSelect } from "@/components/console/filter-form";
import { heldReasonLabel } from "@/lib/comments/held-reasons";

type Props = {
  status: string;
  order: "priority" | "oldest" | "newest";
  articleId: number | null;
  reason: string | null;
  search: string | null;
  articles: { id: number; headline: string; count: number }[];
  reasons: string[];
};

const ORDERS = [
  { value: "priority", label: "Reported, then oldest" },
  { value: "oldest", label: "Oldest first" },
  { value: "newest", label: "Newest first" },
];

export function QueueFilters({ status, order, articleId, reason, search, articles, reasons }: Props) {
  return (
    <FilterForm action="/admin" label="Filter comments">
      <input type="hidden" name="status" value={status} />
      <FilterSearch label="Search text, name or email" value={search} />
      <FilterSelect
        label="Article"
        name="article"
        value={articleId}
        emptyLabel="All articles"
        options={articles.map((article) => ({ value: article.id, label: `${article.headline} (${article.count})` }))}
      />
      <FilterSelect
        label="Reason held"
        name="reason"
        value={reason}
        emptyLabel="Any reason"
        options={reasons.map((code) => ({ value: code, label: heldReasonLabel(code) }))}
      />
      <FilterSelect label="Order" name="order" value={order} options={ORDERS} />
    </FilterForm>
  );
}
