import Link from "next/link";
import { orderQuery, type CommentOrder } from "@/lib/comments/order";

export function CommentPages({ articlePath, page, pageCount, order }: { articlePath: string; page: number; pageCount: number; order: CommentOrder }) {
  if (pageCount <= 1) return null;
  const query = orderQuery(order);
  const href = (target: number) => `${articlePath}?cpage=${target}${query ? `&${query}` : ""}#comments`;
  // "Older" and "newer" only mean something in date order.
  const [previous, next] =
    order === "oldest"
      ? ["← Older comments", "Newer comments →"]
      : order === "newest"
        ? ["← Newer comments", "Older comments →"]
        : ["← Previous page", "Next page →"];
  return (
    <nav aria-label="Comment pages" className="mt-6 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className="font-semibold text-brand underline">
          {previous}
        </Link>
      )}
      {Array.from({ length: pageCount }, (_, index) => index + 1).map((target) =>
        target === page ? (
          <span key={target} aria-current="page" className="rounded bg-neutral-900 px-2 py-0.5 font-semibold text-white">
            {target}
          </span>
        ) : (
          <Link key={target} href={href(target)} className="underline">
            {target}
          </Link>
        ),
      )}
      {page < pageCount && (
        <Link href={href(page + 1)} className="font-semibold text-brand underline">
          {next}
        </Link>
      )}
    </nav>
  );
}
