import type { Metadata } from "next";
import Link from "next/link";
import { NotFoundMessage } from "@/components/layout/not-found-content";
import { SITE } from "@/lib/site";

export const metadata: Metadata = { title: "Page not found" };

// The 404 page outside the site's frame: what a staff page answers when it calls notFound() (a comment that is not
// there). It is built ahead, when there is no database, so it has the name instead of the site's header; addresses
// no route matches get the site's own 404 page (app/(site)/[...unknown]).
export default function RootNotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4">
      <Link href="/" className="mt-8 block border-b-4 border-brand pb-3 font-serif text-3xl font-bold text-neutral-900">
        {SITE.name}
      </Link>
      <NotFoundMessage />
    </main>
  );
}
