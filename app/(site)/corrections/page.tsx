import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getRecentCorrections } from "@/lib/data/cached";
import { formatDate } from "@/lib/format/dates";
import { pageMetadata } from "@/lib/seo/metadata";
import { paths, SITE } from "@/lib/site";

export function generateMetadata(): Metadata {
  return pageMetadata({
    title: "Corrections",
    description: `How ${SITE.name} corrects its mistakes, and the corrections it has published.`,
    path: paths.corrections,
  });
}

// The corrections policy (the page NewsArticle JSON-LD names as the publisher's correctionsPolicy), and the latest
// corrections across the site, each linked to the article it corrects. At request time: the build has no database.
export default async function CorrectionsPage() {
  await connection();
  const corrections = await getRecentCorrections();
  return (
    <article className="prose max-w-3xl dark:prose-invert">
      <h1 className="font-serif">Corrections</h1>
      <h2 id="policy">Our corrections policy</h2>
      <p>
        When we get something wrong, we say so. A correction is shown at the top of the article, dated, and says what was wrong and what is right. We do not
        quietly change facts in a published article; small fixes of spelling or style that change no meaning are made without a note.
      </p>
      <p>
        If you see a mistake, write to <a href={`mailto:${SITE.contact.corrections}`}>{SITE.contact.corrections}</a> with the article and what is wrong. An
        editor reads every request and answers it.
      </p>
      <h2 id="latest">Latest corrections</h2>
      {corrections.length === 0 ? (
        <p>No corrections have been published.</p>
      ) : (
        <ul>
          {corrections.map((correction) => (
            <li key={correction.id}>
              <Link href={paths.article(correction.article.slug)}>{correction.article.headline}</Link>{" "}
              <span className="text-neutral-600">
                (<time dateTime={correction.publishedAt}>{formatDate(correction.publishedAt)}</time>)
              </span>
              : {correction.text}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
