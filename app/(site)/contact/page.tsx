import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { pageMetadata } from "@/lib/seo/metadata";
import { paths, SITE } from "@/lib/site";

export function generateMetadata(): Metadata {
  return pageMetadata({ title: "Contact the newsroom", description: `How to send ${SITE.name} a tip, a correction or a question.`, path: paths.contact });
}

const ROUTES = [
  { what: "A news tip", address: SITE.contact.tips, note: "Tell us what you know and how we can reach you. We protect our sources." },
  { what: "A mistake in an article", address: SITE.contact.corrections, note: "Name the article and what is wrong; an editor answers every request." },
  { what: "Comments and moderation", address: SITE.contact.comments, note: "A comment you think we got wrong, or a question about our rules." },
  { what: "Anything else", address: SITE.contact.general, note: "Letters to the editor, partnerships and everything else." },
] as const;

// One address per kind of message, so that each reaches the people who act on it.
export default async function ContactPage() {
  // At request time, like every page in the site's frame: the build has no database for the header.
  await connection();
  return (
    <article className="prose max-w-3xl wrap-anywhere dark:prose-invert">
      <h1 className="font-serif">Contact the newsroom</h1>
      <dl>
        {ROUTES.map((route) => (
          <div key={route.address}>
            <dt>{route.what}</dt>
            <dd>
              <a href={`mailto:${route.address}`}>{route.address}</a>. {route.note}
            </dd>
          </div>
        ))}
      </dl>
      <h2>By post</h2>
      <p>{SITE.contact.postal}</p>
      <p>
        To download or erase the comments you wrote, use <Link href="/privacy/my-comments">the form for commenters</Link>: no mail to us is needed.
      </p>
    </article>
  );
}
