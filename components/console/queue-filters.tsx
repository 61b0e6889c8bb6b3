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

// A plain GET form: filters live in the address, so a filtered queue can be bookmarked or shared with a colleague.
export function QueueFilters({ status, order, articleId, reason, search, articles, reasons }: Props) {
  return (
    <form method="get" action="/admin" className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="Filter comments">
      <input type="hidden" name="status" value={status} />
      <label className="flex flex-col">
        <span className="font-semibold">Search text, name or email</span>
        <input type="search" name="q" defaultValue={search ?? ""} maxLength={100} className="rounded border border-neutral-400 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Article</span>
        <select name="article" defaultValue={articleId ?? ""} className="max-w-xs rounded border border-neutral-400 px-2 py-1">
          <option value="">All articles</option>
          {articles.map((article) => (
            <option key={article.id} value={article.id}>
              {article.headline} ({article.count})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Reason held</span>
        <select name="reason" defaultValue={reason ?? ""} className="rounded border border-neutral-400 px-2 py-1">
          <option value="">Any reason</option>
          {reasons.map((code) => (
            <option key={code} value={code}>
              {heldReasonLabel(code)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Order</span>
        <select name="order" defaultValue={order} className="rounded border border-neutral-400 px-2 py-1">
          <option value="priority">Reported, then oldest</option>
          <option value="oldest">Oldest first</option>
          <option value="newest">Newest first</option>
        </select>
      </label>
      <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
        Filter
      </button>
    </form>
  );
}
