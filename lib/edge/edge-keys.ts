// Keys an HTTP cache in front of the site (Varnish with xkey, or a CDN that purges by surrogate key) stores with each
// shared page, so that the app can purge exactly the pages a change shows on. Pure: the proxy names a page's keys
// from its address alone, and the purge side names the same keys from the database.
export const edgeKeys = {
  /** Every shared page: a change to what all pages show (settings, an article import) purges them all. */
  site: "site",
  front: "front",
  /** Every article page: settings show on all of them. */
  articles: "article",
  article: (slug: string) => `article:${slug}`,
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
} as const;

const LISTINGS = { sections: edgeKeys.section, tags: edgeKeys.tag, authors: edgeKeys.author } as const;
const ARTICLE_PATH = /^\/articles\/([^/]+)$/;
const LISTING_PATH = /^\/(sections|tags|authors)\/([^/]+)$/;

/** The keys of a shared page at this address (every page of a listing or of an article's comments shares them). */
export function edgeKeysForPath(path: string): string[] {
  if (path === "/") return [edgeKeys.site, edgeKeys.front];
  const article = ARTICLE_PATH.exec(path);
  if (article) return [edgeKeys.site, edgeKeys.articles, edgeKeys.article(article[1]!)];
  const listing = LISTING_PATH.exec(path);
  if (listing) return [edgeKeys.site, LISTINGS[listing[1] as keyof typeof LISTINGS](listing[2]!)];
  return [edgeKeys.site];
}

/** Where an article shows with its comment count: its own page, the front page and its section, topic and author lists. */
export type ArticlePlaces = { slug: string; section: string; tags: string[]; authors: string[] };

export function edgeKeysForArticles(places: ArticlePlaces[]): string[] {
  const keys = places.flatMap((place) => [
    edgeKeys.article(place.slug),
    edgeKeys.section(place.section),
    ...place.tags.map(edgeKeys.tag),
    ...place.authors.map(edgeKeys.author),
  ]);
  return places.length === 0 ? [] : [...new Set([edgeKeys.front, ...keys])];
}
