import "server-only";
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/cache-tags";
import { findPublishedArticleBySlug } from "@/lib/data/articles/articles";
import { findAuthorListing, findFrontPage, findSectionListing, findTagListing, listMostCommented, listSections } from "@/lib/data/articles/listings";
import { listBylines, listRecentCorrections } from "@/lib/data/articles/newsroom";
import { findArticleSurroundings } from "@/lib/data/articles/related";
import { listApprovedComments } from "@/lib/data/comments/comments";

// Public reads, cached across requests and invalidated by tag: an approval revalidates that article's comments, so
// the next request shows them. The time limits are a safety net for changes made outside the app (an import, a
// database console) and for a render that read the database just before a tag was revalidated.
const ARTICLE_SECONDS = 300;
const COMMENT_SECONDS = 30;

class NotFound extends Error {}

// Caches a lookup that may find nothing. A miss is never cached (a thrown error is not): something that appears
// later is served at once, and requests for made-up addresses cannot fill the cache.
function cachedLookup<Args extends unknown[], T>(lookup: (...args: Args) => Promise<T | null>, key: string, tags: string[]) {
  const cached = unstable_cache(
    async (...args: Args): Promise<T> => {
      const found = await lookup(...args);
      if (found === null) throw new NotFound(key);
      return found;
    },
    [key],
    { tags, revalidate: ARTICLE_SECONDS },
  );
  return async (...args: Args): Promise<T | null> => {
    try {
      return await cached(...args);
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  };
}

const listingTags = [cacheTags.articles, cacheTags.commentCounts];

export const getPublishedArticle = cachedLookup(findPublishedArticleBySlug, "published-article", [cacheTags.articles]);
export const getSectionListing = cachedLookup(findSectionListing, "section-listing", listingTags);
export const getTagListing = cachedLookup(findTagListing, "tag-listing", listingTags);
export const getAuthorListing = cachedLookup(findAuthorListing, "author-listing", listingTags);

export const getFrontPage = unstable_cache(findFrontPage, ["front-page"], { tags: listingTags, revalidate: ARTICLE_SECONDS });
export const getSections = unstable_cache(listSections, ["sections"], { tags: [cacheTags.articles], revalidate: ARTICLE_SECONDS });
export const getMostCommented = unstable_cache(listMostCommented, ["most-commented"], { tags: [cacheTags.commentCounts], revalidate: ARTICLE_SECONDS });
export const getArticleSurroundings = unstable_cache(findArticleSurroundings, ["article-surroundings"], { tags: listingTags, revalidate: ARTICLE_SECONDS });

export const getRecentCorrections = unstable_cache(listRecentCorrections, ["recent-corrections"], { tags: [cacheTags.articles], revalidate: ARTICLE_SECONDS });
export const getBylines = unstable_cache(listBylines, ["bylines"], { tags: [cacheTags.articles], revalidate: ARTICLE_SECONDS });

export function getApprovedComments(articleId: number) {
  return unstable_cache(listApprovedComments, ["approved-comments"], {
    tags: [cacheTags.articleComments(articleId)],
    revalidate: COMMENT_SECONDS,
  })(articleId);
}
