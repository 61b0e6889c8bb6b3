import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getBylines } from "@/lib/data/cached";
import { pageMetadata } from "@/lib/seo/metadata";
import { paths, SITE } from "@/lib/site";

export function generateMetadata(): Metadata {
  return pageMetadata({ title: "Masthead", description: `The journalists who write for ${SITE.name}.`, path: paths.masthead });
}

// Everyone with a byline, linked to their page. At request time: the build has no database.
export default async function MastheadPage() {
  await connection();
  const bylines = await getBylines();
  return (
    <article className="max-w-3xl">
      <h1 className="font-serif text-3xl font-bold">Masthead</h1>
      <p className="mt-4 text-neutral-700">
        The journalists who write for {SITE.name}. To reach them, see{" "}
        <Link href={paths.contact} className="text-brand underline">
          Contact
        </Link>
        .
      </p>
      <ul className="mt-8 divide-y divide-neutral-200 border-y border-neutral-200">
        {bylines.map((author) => (
          <li key={author.id} className="py-4">
            <h2 className="font-serif text-xl font-bold">
              <Link href={paths.author(author.slug)} className="hover:underline">
                {author.name}
              </Link>
            </h2>
            {author.bio && <p className="mt-1 text-neutral-700">{author.bio}</p>}
            <p className="mt-1 text-sm text-neutral-600">{author.storyCount === 1 ? "1 story" : `${author.storyCount} stories`}</p>
          </li>
        ))}
      </ul>
    </article>
  );
}
