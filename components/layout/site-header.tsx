import Link from "next/link";
import { getSections } from "@/lib/data/cached";
import { paths, SITE } from "@/lib/site";

export async function SiteHeader() {
  const sections = await getSections();
  return (
    <header className="border-b-4 border-brand">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="font-serif text-3xl font-bold tracking-tight text-neutral-900 no-underline">
          {SITE.name}
        </Link>
        {/* A plain GET form: search works without JavaScript. */}
        <form action="/search" method="get" role="search" className="flex w-full gap-2 sm:w-96">
          <label htmlFor="site-search" className="sr-only">
            Search the site
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            maxLength={200}
            placeholder="Hi, what are you looking for?"
            className="min-w-0 flex-1 rounded border border-neutral-400 px-3 py-1.5 text-sm placeholder:text-neutral-600"
          />
          <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 text-sm font-semibold text-white">
            Search
          </button>
        </form>
      </div>
      {sections.length > 0 && (
        <nav aria-label="Sections" className="border-t border-neutral-200">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 py-2 text-sm font-semibold">
            <li>
              <Link href="/" className="hover:underline">
                Home
              </Link>
            </li>
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={paths.section(section.slug)} className="hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
