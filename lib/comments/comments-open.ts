import type { CommentSettings } from "@/lib/validation/settings";

// Whether an article takes comments now: closed by hand, or automatically some days after publication.
// The page (form and reply links) and the pipeline both ask this, so they never disagree.
export function areCommentsOpen(
  article: { commentsOpen: boolean; publishedAt: Date | string | null },
  settings: Pick<CommentSettings, "autoCloseDays">,
  now = new Date(),
): boolean {
  if (!article.commentsOpen || article.publishedAt === null) return false;
  if (settings.autoCloseDays === null) return true;
  return now.getTime() < new Date(article.publishedAt).getTime() + settings.autoCloseDays * 86_400_000;
}
