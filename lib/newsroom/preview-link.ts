import "server-only";
import { serverEnv } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/security/signed-token";

// A link that shows an article in any status as readers would see it, to someone without a staff account (a source
// checking a quote, a colleague on a phone). It names one article, is signed with the site's secret for this purpose
// alone (a comment's link can never serve as one) and expires after two days; the page behind it is kept out of
// search engines and every cache (next.config.ts, deploy/varnish/site.vcl).
const PURPOSE = "article-preview";
export const PREVIEW_LINK_HOURS = 48;

export function previewPath(articleId: number, now = Date.now()): string {
  const token = signToken(PURPOSE, articleId, now + PREVIEW_LINK_HOURS * 3_600_000, serverEnv().NEXTAUTH_SECRET);
  return `/preview/articles/${articleId}?token=${token}`;
}

/** Whether `token` is a preview link's, unexpired, for this very article. */
export function isPreviewToken(articleId: number, token: unknown, now = Date.now()): boolean {
  if (typeof token !== "string") return false;
  return verifyToken(PURPOSE, token, serverEnv().NEXTAUTH_SECRET, now) === articleId;
}
