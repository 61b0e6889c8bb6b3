"use server";

import { refresh } from "next/cache";
import { expireNewsroomArticle } from "@/lib/cache-expiry";
import { changeArticleAddress } from "@/lib/data/newsroom/article-address";
import { appendCorrection } from "@/lib/data/newsroom/article-corrections";
import { findLinkableArticles, saveRelatedPicks, type LinkableArticle } from "@/lib/data/newsroom/related-picks";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format/dates";
import { staffAction, type ActionOutcome, type Needs } from "@/lib/staff/staff-action";
import { addressFormSchema, correctionFormSchema, findArticlesFormSchema, picksFormSchema } from "@/lib/validation/article-form";

// The editor page's actions beside the content itself: a correction, a new address, the related picks, and the
// search that finds articles to link. The data layer checks each member's rights on the article again.

const WRITERS: Needs = { capability: "write", refusal: "Only the newsroom's writers and editors work on articles." };
const EDITORS: Needs = { capability: "edit", refusal: "Only editors add corrections." };

// What readers see changed only when the article is live; a draft's page re-reads its own data.
async function afterChange(articleId: number): Promise<void> {
  const article = await getDb().article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (article?.status === "PUBLISHED") expireNewsroomArticle();
  refresh();
}

export const appendCorrectionAction = staffAction(
  { needs: EDITORS, parse: (fields) => correctionFormSchema.safeParse(fields) },
  async (staff, { articleId, text }): Promise<ActionOutcome> => {
    const outcome = await appendCorrection(staff, articleId, text);
    if (!outcome.ok) return outcome;
    await afterChange(articleId);
    return { ok: true, message: `Correction added, dated ${formatDateTime(outcome.publishedAt.toISOString())}.` };
  },
);

export const changeAddressAction = staffAction(
  { needs: WRITERS, parse: (fields) => addressFormSchema.safeParse(fields) },
  async (staff, { articleId, slug }): Promise<ActionOutcome> => {
    const outcome = await changeArticleAddress(staff, articleId, slug);
    if (!outcome.ok) return outcome;
    await afterChange(articleId);
    const kept = outcome.redirected ? ` /articles/${outcome.redirected} now leads there.` : "";
    return { ok: true, message: `The address is now /articles/${outcome.slug}.${kept}` };
  },
);

export const saveRelatedPicksAction = staffAction(
  {
    needs: WRITERS,
    parse: (fields) => picksFormSchema.safeParse(fields),
    read: (formData) => ({ articleId: formData.get("articleId"), relatedIds: formData.getAll("relatedIds") }),
  },
  async (staff, { articleId, relatedIds }): Promise<ActionOutcome> => {
    const outcome = await saveRelatedPicks(staff, articleId, relatedIds);
    if (!outcome.ok) return outcome;
    await afterChange(articleId);
    return { ok: true, message: outcome.relatedIds.length ? "Related articles saved." : "No related articles chosen: they are found by topic." };
  },
);

export const findLinkableArticlesAction = staffAction(
  { needs: WRITERS, parse: (fields) => findArticlesFormSchema.safeParse(fields) },
  async (staff, { articleId, query }): Promise<ActionOutcome<{ found: LinkableArticle[] }>> => {
    const found = await findLinkableArticles(staff, query, articleId);
    return { ok: true, message: found.length ? `${found.length} found` : "No published article matches.", found };
  },
);
