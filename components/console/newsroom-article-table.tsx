import Link from "next/link";
import { ScrollTable } from "@/components/console/scroll-table";
import type { NewsroomArticleRow } from "@/lib/data/newsroom/article-list";
import { formatDateTime } from "@/lib/format/dates";
import { STATUS_LABELS } from "@/lib/newsroom/status-labels";
import { paths } from "@/lib/site";

export type NewsroomArticleEntry = NewsroomArticleRow & {
  /** Whether the signed-in member may change it; otherwise the editor opens it to read. */
  mayEdit: boolean;
  /** A signed preview link, for an article readers cannot see. */
  previewHref: string | null;
};

// Links in a row of small text, given a tap target of 24 px (WCAG 2.5.8).
const LINK = "inline-block py-1 underline";

const when = (date: Date | null) => (date ? formatDateTime(date.toISOString()) : "—");

const HEADLINE_CELL = "sticky left-0 bg-white pr-3 shadow-[1px_0_0_var(--color-neutral-300)]";

// One row per article: what it is, where it stands, who started and last saved it, and when it goes or went live.
export function NewsroomArticleTable({ articles, caption }: { articles: NewsroomArticleEntry[]; caption: string }) {
  return (
    <ScrollTable label="Articles">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-neutral-300">
          <tr>
            {/* The headline stays in view while the other columns scroll sideways on a phone. */}
            <th className={`py-2 ${HEADLINE_CELL}`}>Headline</th>
            <th className="pr-3">Status</th>
            <th className="pr-3">Section</th>
            <th className="pr-3">Authors</th>
            <th className="pr-3">Started by</th>
            <th className="pr-3">Last saved</th>
            <th className="pr-3">Scheduled for</th>
            <th className="pr-3">Published</th>
            <th>Links</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 align-top">
          {articles.map((article) => (
            <tr key={article.id}>
              <td className={`min-w-40 py-1.5 sm:min-w-48 ${HEADLINE_CELL}`}>
                <Link href={`/admin/articles/${article.id}`} className="font-semibold underline">
                  {article.headline}
                </Link>
              </td>
              <td className="pr-3 whitespace-nowrap">{STATUS_LABELS[article.status]}</td>
              <td className="pr-3">{article.section}</td>
              <td className="pr-3">{article.authors.join(", ") || "—"}</td>
              <td className="pr-3">{article.startedBy ?? "—"}</td>
              <td className="pr-3">{article.lastSaved ? `${when(article.lastSaved.at)}${article.lastSaved.by ? `, by ${article.lastSaved.by}` : ""}` : "—"}</td>
              <td className="pr-3">{article.status === "SCHEDULED" ? when(article.scheduledFor) : "—"}</td>
              <td className="pr-3">{when(article.publishedAt)}</td>
              <td>
                <ul className="flex flex-wrap gap-x-4">
                  <li>
                    <Link href={`/admin/articles/${article.id}`} className={LINK}>
                      {article.mayEdit ? "Edit" : "Open"}
                      <span className="sr-only"> “{article.headline}”</span>
                    </Link>
                  </li>
                  {article.status === "PUBLISHED" ? (
                    <li>
                      <Link href={paths.article(article.slug)} className={LINK}>
                        View<span className="sr-only"> “{article.headline}” on the site</span>
                      </Link>
                    </li>
                  ) : article.previewHref ? (
                    <li>
                      <a href={article.previewHref} className={LINK}>
                        Preview<span className="sr-only"> “{article.headline}”</span>
                      </a>
                    </li>
                  ) : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
