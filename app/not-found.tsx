import type { Metadata } from "next";
import { connection } from "next/server";
import { NotFoundContent } from "@/components/layout/not-found-content";
import { SiteChrome } from "@/components/layout/site-chrome";

export const metadata: Metadata = { title: "Page not found" };

// An address no route matches (a mistyped path, an old link to a page the site never had): the same page as inside
// the site's pages, in the site's frame. Rendered per request, as the build has no database.
export default async function RootNotFound() {
  await connection();
  return (
    <SiteChrome>
      <NotFoundContent />
    </SiteChrome>
  );
}
