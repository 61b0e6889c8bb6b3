import { ArticleGrid } from "@/components/article/article-grid";
import { Pagination } from "@/components/layout/pagination";
import type { Listing } from "@/lib/data/articles/listings";

type Props = { kicker: string; title: string; intro?: string; listing: Listing; basePath: string; feedPath?: string };

// A section, tag or author page: heading, introduction, one page of stories, numbered pages.
export function ListingPage({ kicker, title, intro, listing, basePath, feedPath }: Props) {
  return (
    <>
      <header className="mb-8 border-b border-neutral-200 pb-4">
        <p className="text-sm font-bold tracking-wider text-brand uppercase">{kicker}</p>
        <h1 className="mt-1 font-serif text-4xl font-bold">{title}</h1>
        {intro && <p className="mt-3 max-w-3xl text-lg text-neutral-700">{intro}</p>}
        <p className="mt-2 text-sm text-neutral-600">
          {listing.total} {listing.total === 1 ? "story" : "stories"}
          {listing.pageCount > 1 && ` · page ${listing.page} of ${listing.pageCount}`}
          {feedPath && (
            <>
              {" · "}
              <a href={feedPath} className="underline">
                RSS feed
              </a>
            </>
          )}
        </p>
      </header>
      {listing.articles.length === 0 ? <p>No stories have been published here yet.</p> : <ArticleGrid articles={listing.articles} />}
      <Pagination basePath={basePath} page={listing.page} pageCount={listing.pageCount} />
    </>
  );
}
