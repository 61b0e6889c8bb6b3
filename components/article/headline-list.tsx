import Link from "next/link";
import { RelativeTime } from "@/components/layout/relative-time";
import type { ArticleSummaryDto } from "@/lib/data/comments/dto";
import { formatDateTime } from "@/lib/format/dates";
import { paths } from "@/lib/site";

// Stories as compact lines (section, headline, time): many headlines in little height, for the top stories beside
// the lead and the front page's rail.
export function HeadlineList({ articles, label }: { articles: ArticleSummaryDto[]; label?: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-neutral-200">
      {articles.map((article) => (
        <li key={article.id} className="py-3 first:pt-0">
          <article>
            <p className="text-xs font-semibold tracking-wider text-brand uppercase">{article.section.name}</p>
            <h3 className="mt-0.5 font-serif text-lg leading-snug font-bold">
              <Link href={paths.article(article.slug)} className="hover:underline">
                {article.headline}
              </Link>
            </h3>
            {article.publishedAt && (
              <p className="mt-0.5 text-sm text-neutral-600">
                <RelativeTime iso={article.publishedAt}>{formatDateTime(article.publishedAt)}</RelativeTime>
              </p>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
