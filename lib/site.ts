import { siteUrl } from "@/lib/env";

// Who publishes this site, as readers, feeds, search engines and news aggregators are told.
export const SITE = {
  name: "The Harbor Ledger",
  description: "Independent news from the harbor city and the world.",
  language: "en",
  /** The newsroom's addresses, one per kind of message, so that each reaches the people who act on it. */
  contact: {
    tips: "tips@harborledger.example",
    corrections: "corrections@harborledger.example",
    comments: "comments@harborledger.example",
    general: "newsroom@harborledger.example",
    postal: "The Harbor Ledger, 14 Quay Street, Harbor City",
  },
  /** The newsroom's own accounts elsewhere ("Connect with us"); links only, nothing is loaded from these sites. */
  social: [
    { name: "Mastodon", url: "https://social.harborledger.example/@newsroom" },
    { name: "Bluesky", url: "https://bsky.app/profile/harborledger.example" },
    { name: "Threads", url: "https://www.threads.net/@harborledger.example" },
  ],
} as const;

/** The logo mark (app/icon.svg drawn at 512 px): header, footer and the publisher in structured data. */
export const SITE_LOGO = { src: "/images/logo-512.png", size: 512 } as const;

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
  feed: "/feed.xml",
  about: "/about",
  contact: "/contact",
  corrections: "/corrections",
  masthead: "/masthead",
} as const;
