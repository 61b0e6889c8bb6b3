import { siteUrl } from "@/lib/env";

// Who publishes this site, as readers, feeds, search engines and news aggregators are told.
export const SITE = {
  name: "The Harbor Ledger",
  description: "Independent news from the harbor city and the world.",
  language: "en",
} as const;

export function absolute(path: string): string {
  return `${siteUrl()}${path}`;
}

// Where the front page is rendered: the proxy rewrites "/" there (see app/(site)/front-page/[edition]/page.tsx).
export const FRONT_PAGE_EDITION = "latest";
export const FRONT_PAGE_ROUTE = `/front-page/${FRONT_PAGE_EDITION}`;

export const paths = {
  article: (slug: string) => `/articles/${slug}`,
  section: (slug: string) => `/sections/${slug}`,
  tag: (slug: string) => `/tags/${slug}`,
  author: (slug: string) => `/authors/${slug}`,
  sectionFeed: (slug: string) => `/sections/${slug}/feed.xml`,
} as const;
