// Keys an HTTP cache in front of the site (Varnish with xkey, or a CDN that purges by surrogate key) stores with each
// shared page, so that the app can purge exactly the pages a change shows on. Pure: the proxy names a page's keys
// from the route it matched, and the purge side names the same keys from the database.
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

export type SharedPage = { kind: "front" } | { kind: "article" | "sections" | "tags" | "authors"; slug: string };

/** The keys of a shared page (every page of a listing or of an article's comments shares them). */
export function edgeKeysForPage(page: SharedPage): string[] {
  switch (page.kind) {
    case "front":
      return [edgeKeys.site, edgeKeys.front];
    case "article":
      return [edgeKeys.site, edgeKeys.articles, edgeKeys.article(page.slug)];
    case "sections":
      return [edgeKeys.site, edgeKeys.section(page.slug)];
    case "tags":
      return [edgeKeys.site, edgeKeys.tag(page.slug)];
    case "authors":
      return [edgeKeys.site, edgeKeys.author(page.slug)];
  }
}

/** Where an article shows with its comment count: its own page, the front page and its section, topic and author lists. */
export type ArticlePlaces = { slug: string; section: string; tags: string[]; authors: string[] };

export function edgeKeysForArticles(places: ArticlePlaces[]): string[] {
  if (places.length === 0) return [];
  const keys = places.flatMap((place) => [
    edgeKeys.article(place.slug),
    edgeKeys.section(place.section),
    ...place.tags.map(edgeKeys.tag),
    ...place.authors.map(edgeKeys.author),
  ]);
  return [...new Set([edgeKeys.front, ...keys])];
}
