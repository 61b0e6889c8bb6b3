import Link from "next/link";
import { SearchForm } from "@/components/layout/search-form";
import { getFrontPage } from "@/lib/data/cached";
import { FRONT_PAGE_CANDIDATES } from "@/lib/front-page/arrange";
import { paths, SITE } from "@/lib/site";

// What a reader who followed a dead link is offered: a search and the way home, and where the page can afford it
// (children), the latest stories. A not-found page is sent inside every page of its segment, so the ones around
// real pages stay small and read nothing.
export function NotFoundMessage({ children }: { children?: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl py-12">
      <title>{`Page not found · ${SITE.name}`}</title>
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-neutral-700">The page you are looking for has moved or does not exist. Try a search, or start from the front page.</p>
      <SearchForm id="not-found-search" label="Search the site for the story you were looking for" large />
      {children}
      <Link href="/" className="mt-8 inline-block font-semibold text-brand underline">
        Go to the front page
      </Link>
    </div>
  );
}

// The latest stories come from the front page's cached read (same arguments, same entry), so a flood of made-up
// addresses costs the database nothing.
const SHOWN = 5;

export async function LatestStories() {
  const { latest } = await getFrontPage(FRONT_PAGE_CANDIDATES.latest, FRONT_PAGE_CANDIDATES.perSection);
  if (latest.length === 0) return null;
  return (
    <section aria-labelledby="not-found-latest" className="mt-10">
      <h2 id="not-found-latest" className="border-b border-neutral-200 pb-2 text-sm font-bold tracking-wider uppercase">
        Latest stories
      </h2>
      <ul className="mt-4 space-y-3">
        {latest.slice(0, SHOWN).map((article) => (
          <li key={article.id}>
            <Link href={paths.article(article.slug)} className="font-serif text-lg font-semibold hover:underline">
              {article.headline}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
