import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/article/article-card";
import { HeadlineList } from "@/components/article/headline-list";
import { getFrontPage, getMostCommented } from "@/lib/data/cached";
import { arrangeFrontPage, FRONT_PAGE_CANDIDATES } from "@/lib/front-page/arrange";
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

export default async function FrontPage({ params }: Props) {
  if ((await params).edition !== FRONT_PAGE_EDITION) notFound();
  const [{ latest, sections }, mostCommented] = await Promise.all([
    getFrontPage(FRONT_PAGE_CANDIDATES.latest, FRONT_PAGE_CANDIDATES.perSection),
    getMostCommented(FRONT_PAGE_CANDIDATES.mostCommentedDays, FRONT_PAGE_CANDIDATES.mostCommented),
  ]);
  const page = arrangeFrontPage({ latest, mostCommented, sections });
  if (!page.lead) {
    return (
      <>
        <h1 className="sr-only">{SITE.name}: the latest news</h1>
        <p>No stories have been published yet.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="sr-only">{SITE.name}: the latest news</h1>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_19rem]">
        <section aria-labelledby="top-stories-heading">
          <h2 id="top-stories-heading" className={RULED_HEADING}>
            Top stories
          </h2>
          <div className="grid gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <ArticleCard article={page.lead} lead headingLevel={3} />
            <HeadlineList articles={page.top} />
          </div>
        </section>
        <aside aria-label="More news" className="space-y-8 lg:border-l lg:border-neutral-200 lg:pl-6">
          {page.mostCommented.length > 0 && (
            <section aria-labelledby="most-commented-heading">
              <h2 id="most-commented-heading" className={RULED_HEADING}>
                Most commented this week
              </h2>
              <ol className="space-y-3">
                {page.mostCommented.map((article, index) => (
                  <li key={article.id} className="flex gap-3">
                    <span className="font-serif text-2xl leading-none font-bold text-brand" aria-hidden="true">
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
            </section>
          )}
          {page.latest.length > 0 && (
            <section aria-labelledby="latest-heading">
              <h2 id="latest-heading" className={RULED_HEADING}>
                Latest
              </h2>
              <HeadlineList articles={page.latest} />
            </section>
          )}
        </aside>
      </div>
      {page.sections.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`section-${section.slug}`} className="mt-12">
          <h2 id={`section-${section.slug}`} className={`flex items-baseline justify-between ${RULED_HEADING}`}>
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

const RULED_HEADING = "mb-4 border-b border-neutral-200 pb-2 text-sm font-bold tracking-wider uppercase";
