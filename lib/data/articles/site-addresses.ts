import "server-only";
import { publishedWhere } from "@/lib/data/articles/listings";
import { getDb } from "@/lib/db";
import { logError } from "@/lib/log";

const REFRESH_MS = 60_000;
const RETRY_MS = 5_000;

export type ListingKind = "sections" | "tags" | "authors";
type AddressBook = { articles: Set<string>; moved: Map<string, string> } & Record<ListingKind, Set<string>>;

const slugs = (rows: { slug: string }[]) => new Set(rows.map((row) => row.slug));
let book: AddressBook = { articles: new Set(), moved: new Map(), sections: new Set(), tags: new Set(), authors: new Set() };
let loadedAt = 0;
let loading: Promise<void> | null = null;

async function load(): Promise<void> {
  const db = getDb();
  const onlySlug = { select: { slug: true } } as const;
  const [articles, redirects, sections, tags, authors] = await Promise.all([
    db.article.findMany({ where: publishedWhere, ...onlySlug }),
    db.articleSlugRedirect.findMany({ where: { article: publishedWhere }, select: { slug: true, article: { select: { slug: true } } } }),
    db.section.findMany(onlySlug),
    db.tag.findMany(onlySlug),
    db.author.findMany(onlySlug),
  ]);
  book = {
    articles: slugs(articles),
    moved: new Map(redirects.map((row) => [row.slug, row.article.slug])),
    sections: slugs(sections),
    tags: slugs(tags),
    authors: slugs(authors),
  };
  loadedAt = Date.now();
}

// The addresses of every published article (and where old article addresses live now), section, tag and author,
// held in memory and reloaded at most once a minute, so that the proxy can answer old links with a 301 and send only
// real pages to the page cache (an address that is nothing must not leave a cached page behind) at no cost per
// request. An address the book does not know makes it reload first, when it is more than two seconds old: something
// just published (by another server, or by the importer) is known at its first request, while made-up addresses
// cost at most one reload every two seconds. When the database cannot be read, the last book stands (at startup: an
// empty one, so pages render per request).
const UNKNOWN_REFRESH_MS = 2_000;

let attemptedAt = 0;

function reload(): Promise<void> {
  attemptedAt = Date.now();
  loading ??= load()
    .catch((error) => {
      logError("site-addresses", error);
      // Try again in a few seconds, without making every request wait for a database that is not answering.
      loadedAt = Date.now() - REFRESH_MS + RETRY_MS;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

async function currentBook(): Promise<AddressBook> {
  if (Date.now() - loadedAt > REFRESH_MS) {
    const reloading = reload();
    if (loadedAt === 0) await reloading;
  }
  return book;
}

// For an address the book does not know: the book as reloaded now, unless it was tried in the last two seconds.
async function freshBook(): Promise<AddressBook> {
  if (Date.now() - attemptedAt > UNKNOWN_REFRESH_MS) await reload();
  return book;
}

export type ArticleAddress = { kind: "published" } | { kind: "moved"; to: string } | { kind: "unknown" };

function findArticle({ articles, moved }: AddressBook, slug: string): ArticleAddress {
  if (articles.has(slug)) return { kind: "published" };
  const to = moved.get(slug);
  return to ? { kind: "moved", to } : { kind: "unknown" };
}

export async function articleAddress(slug: string): Promise<ArticleAddress> {
  const found = findArticle(await currentBook(), slug);
  return found.kind === "unknown" ? findArticle(await freshBook(), slug) : found;
}

export async function isListingAddress(kind: ListingKind, slug: string): Promise<boolean> {
  return (await currentBook())[kind].has(slug) || (await freshBook())[kind].has(slug);
}
