"use client";

import { usePathname } from "next/navigation";
import { SearchForm } from "@/components/layout/search-form";

// The header's search box, on every reader's page but the search page, whose own form holds the query, the section
// and the order (two boxes would stack on a phone). The header is part of every cached page, so it may depend on
// nothing but the address: the path is known when a page is rendered, so the box is in the server's HTML (and
// readers without JavaScript keep it), and no page turns dynamic. Reading the query here instead (useSearchParams)
// would leave the box out of every cached page's HTML until the browser fills it in. The proxy rewrites some
// addresses ("/" is rendered at /front-page/latest), but never /search, so server and browser agree on this test.
export function HeaderSearch() {
  return usePathname() === "/search" ? null : <SearchForm id="site-search" label="Search the site" />;
}
