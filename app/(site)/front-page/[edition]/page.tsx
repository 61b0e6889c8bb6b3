import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/article/article-card";
import { getFrontPage, getMostCommented } from "@/lib/data/cached";
import { pageMetadata } from "@/lib/seo/metadata";
import { FRONT_PAGE_EDITION, paths, SITE } from "@/lib/site";

// The front page, at "/": the proxy rewrites "/" here and answers this address itself with 404, so it has no other.
// It is one page for everybody, kept in the page cache like an article and rendered again when its tags are
// revalidated or after 30 seconds at most. It lives behind a parameter only so that it is rendered on its first
// request rather than at build time, which has no database.
export const revalidate = 30;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ edition: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if ((await params).edition !== FRONT_PAGE_EDITION) notFound();
  return { ...pageMetadata({ title: SITE.name, description: SITE.description, path: "/" }), title: { absolute: SITE.name } };
}

const LATEST = 7;
const PER_SECTION = 4;

export default async function FrontPage({ params }: Props) {
  if ((await params).edition !== FRONT_PAGE_EDITION) notFound();
  const [{ latest, sections }, mostCommented] = await Promise.all([getFrontPage(LATEST, PER_SECTION), getMostCommented(7, 5)]);
  const [lead, ...rest] = latest;
  return (
    <>
      <h1 className="sr-only">{SITE.name}: the latest news</h1>
      {!lead ? (
        <p>No stories have been published yet.</p>
      ) : (
        <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
          <section aria-labelledby="latest-heading">
            <h2 id="latest-heading" className="mb-6 border-b border-neutral-200 pb-2 text-sm font-bold tracking-wider uppercase">
              Latest news
            </h2>
            <div className="grid gap-8 md:grid-cols-2">
              <ArticleCard article={lead} lead headingLevel={3} />
              {rest.map((article) => (
                <ArticleCard key={article.id} article={article} headingLevel={3} />
              ))}
            </div>
          </section>
          <aside aria-labelledby="most-commented-heading" className="lg:border-l lg:border-neutral-200 lg:pl-8">
            <h2 id="most-commented-heading" className="mb-4 border-b border-neutral-200 pb-2 text-sm font-bold tracking-wider uppercase">
              Most commented this week
            </h2>
            {mostCommented.length === 0 ? (
              <p className="text-sm text-neutral-700">No comments were published this week yet.</p>
            ) : (
              <ol className="space-y-4">
                {mostCommented.map((article, index) => (
                  <li key={article.id} className="flex gap-3">
                    <span className="font-serif text-2xl font-bold text-brand" aria-hidden="true">
                      {index + 1}
                    </span>
                    <span>
                      <Link href={paths.article(article.slug)} className="font-semibold hover:underline">
                        {article.headline}
                      </Link>
                      <span className="block text-sm text-neutral-600">
                        {article.comments} {article.comments === 1 ? "comment" : "comments"}
                      </span>
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </aside>
        </div>
      )}
      {sections.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-14">
          <h2
            id={`section-${section.slug}`}
            className="mb-6 flex items-baseline justify-between border-b border-neutral-200 pb-2 text-sm font-bold tracking-wider uppercase"
          >
            <Link href={paths.section(section.slug)} className="hover:underline">
              {section.name}
            </Link>
            <Link href={paths.section(section.slug)} className="text-xs font-semibold tracking-normal text-neutral-700 normal-case hover:underline">
              More in {section.name} →
            </Link>
          </h2>
          <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} headingLevel={3} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
