import Link from "next/link";
import { NewsroomArticleFilters } from "@/components/console/newsroom-article-filters";
import { NewsroomArticleTable } from "@/components/console/newsroom-article-table";
import { requireStaffPage } from "@/lib/auth";
import { listNewsroomArticles, listNewsroomChoices } from "@/lib/data/newsroom/article-list";
import { previewPath } from "@/lib/newsroom/preview-link";
import { mayEditArticle } from "@/lib/newsroom/workflow";
import { newsroomArticlesHref, newsroomArticlesQuerySchema } from "@/lib/validation/newsroom-articles";

export const metadata = { title: "Articles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Every article in every status, for those who write. Writers see the whole newsroom's work (to avoid writing the
// same story twice) and open what they may not change to read it; the editor decides again what they may do.
export default async function NewsroomArticlesPage({ searchParams }: Props) {
  const staff = await requireStaffPage("write");
  const { page, ...filters } = newsroomArticlesQuerySchema.parse(await searchParams);
  const [{ rows, hasMore }, choices] = await Promise.all([listNewsroomArticles(staff, filters, page), listNewsroomChoices(staff)]);
  // A preview link lets anyone who has it read the article for 48 hours, so only those who may change an article
  // can hand one out: a writer reads a colleague's draft here, but cannot send it out of the newsroom.
  const articles = rows.map((row) => {
    const mayEdit = mayEditArticle(staff, row);
    return { ...row, mayEdit, previewHref: row.status !== "PUBLISHED" && mayEdit ? previewPath(row.id) : null };
  });
  const filtered = filters.status !== null || filters.section !== null || filters.author !== null || filters.q !== null || filters.mine;
  const scheduledOnly = filters.status === "SCHEDULED";
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold">Articles</h1>
        <Link href="/admin/articles/new" className="rounded bg-neutral-900 px-3 py-1.5 text-sm font-semibold text-white">
          New article
        </Link>
      </div>
      <NewsroomArticleFilters {...filters} sections={choices.sections} authors={choices.authors} />
      {filtered && (
        <p className="mt-2 text-sm">
          <Link href="/admin/articles" className="underline">
            Clear the filters
          </Link>
        </p>
      )}
      <p className="mt-4 text-sm text-neutral-700">
        {scheduledOnly ? "Scheduled articles, the next to go live first." : "Most recently saved or published first."} Preview links, for the articles you may
        change, work for 48 hours for anyone who has them.
      </p>
      <NewsroomArticleTable
        articles={articles}
        caption={scheduledOnly ? "Scheduled articles, the next to go live first" : "Articles, most recently changed first"}
      />
      {articles.length === 0 && <p className="mt-4 text-sm">{filtered ? "No article matches these filters." : "No articles yet."}</p>}
      {(page > 1 || hasMore) && (
        <nav aria-label="Pages of articles" className="mt-6 flex gap-6 text-sm">
          {page > 1 && (
            <Link href={newsroomArticlesHref(filters, page - 1)} className="underline">
              Previous page
            </Link>
          )}
          {hasMore && (
            <Link href={newsroomArticlesHref(filters, page + 1)} className="underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
