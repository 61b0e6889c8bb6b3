import "server-only";
import { auditArticle, isUniqueViolation, lockArticle, refused, type Refusal } from "@/lib/data/newsroom/article-lock";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { mayEditArticle } from "@/lib/newsroom/workflow";
import { articleSlugSchema } from "@/lib/validation/article-form";

// An article's address (its slug) changed from the editor. Once an article has been published its old address may
// be in readers' bookmarks, search engines and other sites' links, so it is kept as a permanent redirect, as the
// importer keeps a renamed file's; an address it once had is not taken back. The address is not part of the content
// a save writes, so changing it does not move the version: the editor's next save is neither refused for it nor
// undoes it.

export type AddressOutcome = { ok: true; slug: string; redirected: string | null } | Refusal;

export async function changeArticleAddress(staff: StaffIdentity, articleId: number, requested: string): Promise<AddressOutcome> {
  const parsed = articleSlugSchema.safeParse(requested);
  if (!parsed.success) return refused("invalid", parsed.error.issues[0]!.message);
  const slug = parsed.data;
  try {
    return await getDb().$transaction(async (tx) => {
      const article = await lockArticle(tx, articleId);
      if (!article) return refused("not_found", "That article no longer exists.");
      if (!mayEditArticle(staff, article)) return refused("not_allowed", "You may change only your own drafts; editors change every article.");
      if (article.slug === slug) return refused("invalid", "That is already the article's address.");
      const redirect = await tx.articleSlugRedirect.findUnique({ where: { slug }, select: { articleId: true } });
      if (redirect && redirect.articleId !== articleId) return taken(slug);
      // Browsers keep a permanent redirect: one that has sent readers from this address to another would send
      // them round in a circle if the article took the address back.
      if (redirect) return refused("invalid", `"${slug}" was this article's address and now leads to it; choose a new one.`);
      if ((await tx.article.count({ where: { slug } })) > 0) return taken(slug);
      // Kept even for a draft: readers never had it (only a published article's old address redirects), but the
      // importer recognises the article by it, so a re-imported file does not become a second article.
      await tx.articleSlugRedirect.create({ data: { slug: article.slug, articleId } });
      await tx.article.update({ where: { id: articleId }, data: { slug } });
      await auditArticle(tx, staff.id, articleId, "article_readdress", `${article.slug} → ${slug}`);
      return { ok: true, slug, redirected: article.publishedAt !== null ? article.slug : null } as const;
    });
  } catch (error) {
    // Another article took the address between the check and the write.
    if (isUniqueViolation(error)) return taken(slug);
    throw error;
  }
}

function taken(slug: string): Refusal {
  return refused("invalid", `The address "${slug}" belongs to another article, now or as an old address.`);
}
