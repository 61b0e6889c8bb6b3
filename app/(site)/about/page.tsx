import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { pageMetadata } from "@/lib/seo/metadata";
import { paths, SITE } from "@/lib/site";

export function generateMetadata(): Metadata {
  return pageMetadata({
    title: `About ${SITE.name}`,
    description: `Who publishes ${SITE.name}, how it is paid for, and the standards its journalists keep.`,
    path: paths.about,
  });
}

// Who we are and the standards we keep: what readers, and the news services that judge sources, look for first.
export default async function AboutPage() {
  // At request time, like every page in the site's frame: the build has no database for the header.
  await connection();
  return (
    <article className="prose max-w-3xl dark:prose-invert">
      <h1 className="font-serif">About {SITE.name}</h1>
      <p>
        {SITE.name} is an independent newsroom covering the harbor city, its port and the world that arrives by sea. We publish news, analysis and opinion, and
        every article says which of the three it is.
      </p>
      <h2 id="ownership">Ownership and funding</h2>
      <p>
        {SITE.name} is owned by its staff. It is paid for by its readers and by advertising that is always labelled as such. No advertiser, donor or owner sees
        a story before it is published or decides what we cover.
      </p>
      <h2 id="standards">Our standards</h2>
      <ul>
        <li>We say what we know, how we know it and what we do not know yet. Each article lists its sources where they can be named.</li>
        <li>News and analysis are kept apart from opinion; opinion pieces are labelled and signed.</li>
        <li>Anyone a story criticises is asked for their side before it is published.</li>
        <li>
          We correct mistakes openly, on the article itself and on our <Link href={paths.corrections}>corrections page</Link>.
        </li>
        <li>
          Reader comments are moderated by people; our <Link href="/privacy">privacy page</Link> says what we keep about commenters and for how long.
        </li>
      </ul>
      <h2 id="people">The people</h2>
      <p>
        The <Link href={paths.masthead}>masthead</Link> lists everyone who writes for us. To reach the newsroom, see <Link href={paths.contact}>Contact</Link>.
      </p>
    </article>
  );
}
