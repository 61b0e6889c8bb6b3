import "server-only";
import { auditArticle as audit, isUniqueViolation, lockArticle, refused, type Tx } from "@/lib/data/newsroom/article-lock";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { slugFromHeadline } from "@/lib/newsroom/slug";
import { mayEditArticle, moveArticle, type ArticleStatusName, type EditorialActionName } from "@/lib/newsroom/workflow";
import { can } from "@/lib/staff/capabilities";
import { articleContentSchema, type ArticleContent, type ArticleContentInput } from "@/lib/validation/article-content";

// The newsroom's writes: starting an article, saving its content as a new revision, and moving it through the
// workflow (lib/newsroom/workflow.ts). Each takes the signed-in staff member and checks what they may do itself, and
// each save or move names the version it was based on: one made over a newer save changes nothing and says who saved
// since (the compare-and-set of the settings page, on a locked row).

export type EditOutcome =
  /** `revision`: the number of the revision a save wrote. */
  | { ok: true; articleId: number; version: number; status: ArticleStatusName; revision?: number }
  | { ok: false; error: "not_found" | "not_allowed" | "invalid"; message: string }
  | { ok: false; error: "conflict"; message: string; savedBy: string | null; savedAt: string };

export async function startArticle(staff: StaffIdentity, input: ArticleContentInput): Promise<EditOutcome> {
  if (!can(staff.role, "write")) return refused("not_allowed", "Your role cannot start articles.");
  const parsed = articleContentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const content = parsed.data;
  // Two articles started at once with one headline may both find its slug free: the second tries the next one.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await refusingMissingChoices(() => createDraft(staff, content));
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

async function createDraft(staff: StaffIdentity, content: ArticleContent): Promise<EditOutcome> {
  return getDb().$transaction(async (tx) => {
    const slug = await freeSlug(tx, slugFromHeadline(content.headline) || "article");
    const { id } = await tx.article.create({ data: { slug, status: "DRAFT", createdById: staff.id, ...columns(content) }, select: { id: true } });
    await writeRelations(tx, id, content);
    await tx.articleRevision.create({ data: { articleId: id, number: 1, content, staffUserId: staff.id } });
    await audit(tx, staff.id, id, "article_create", content.headline);
    return { ok: true, articleId: id, version: 1, status: "DRAFT" } as const;
  });
}

/**
 * Saves the article's content as its next revision. `substantive` is the editor's mark that a published article
 * changed in a way readers should know of: only then does it show "Updated".
 */
export async function saveArticleContent(
  staff: StaffIdentity,
  articleId: number,
  expectedVersion: number,
  input: ArticleContentInput,
  options: { substantive?: boolean; restoredFrom?: number } = {},
): Promise<EditOutcome> {
  const parsed = articleContentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const content = parsed.data;
  const substantive = options.substantive === true;
  return refusingMissingChoices(() =>
    getDb().$transaction(async (tx) => {
      const article = await lockArticle(tx, articleId);
      if (!article) return refused("not_found", "That article no longer exists.");
      if (!mayEditArticle(staff, article)) return refused("not_allowed", "You may edit only your own drafts; editors edit every article.");
      if (article.version !== expectedVersion) return conflict(tx, article.id);
      const version = article.version + 1;
      const updatedAt = substantive && article.status === "PUBLISHED" ? { updatedAt: new Date() } : {};
      await tx.article.update({ where: { id: articleId }, data: { ...columns(content), ...updatedAt, version } });
      await writeRelations(tx, articleId, content);
      const number = ((await tx.articleRevision.aggregate({ where: { articleId }, _max: { number: true } }))._max.number ?? 0) + 1;
      await tx.articleRevision.create({ data: { articleId, number, content, staffUserId: staff.id, substantive } });
      const note = options.restoredFrom
        ? `Revision ${number} restores revision ${options.restoredFrom}`
        : `Revision ${number}${substantive ? ", substantive" : ""}`;
      await audit(tx, staff.id, articleId, options.restoredFrom ? "article_restore" : "article_revise", note);
      return { ok: true, articleId, version, status: article.status, revision: number } as const;
    }),
  );
}

// A section, author or topic removed while the form was open is a refusal with nothing saved, not a server error.
async function refusingMissingChoices(save: () => Promise<EditOutcome>): Promise<EditOutcome> {
  try {
    return await save();
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2003")
      return refused("invalid", "A section, author or topic you chose no longer exists. Reload and choose again.");
    throw error;
  }
}

/** Saves an earlier revision's content again, as a new revision: nothing in the history is lost or rewritten. */
export async function restoreRevision(staff: StaffIdentity, articleId: number, number: number, expectedVersion: number): Promise<EditOutcome> {
  const revision = await getDb().articleRevision.findUnique({ where: { articleId_number: { articleId, number } }, select: { content: true } });
  if (!revision) return refused("not_found", "There is no such revision.");
  return saveArticleContent(staff, articleId, expectedVersion, revision.content as ArticleContentInput, { restoredFrom: number });
}

/** A move through the workflow; scheduling needs a time still to come. */
export async function moveArticleStatus(
  staff: StaffIdentity,
  articleId: number,
  expectedVersion: number,
  action: EditorialActionName,
  options: { scheduledFor?: Date | null; now?: Date } = {},
): Promise<EditOutcome> {
  const now = options.now ?? new Date();
  if (action === "schedule" && !(options.scheduledFor && options.scheduledFor > now))
    return refused("invalid", "Choose a publication time that is still to come.");
  return getDb().$transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    if (!article) return refused("not_found", "That article no longer exists.");
    const move = moveArticle(article.status, action, staff.role);
    if (!move.ok) return refused("not_allowed", `${move.reason}.`);
    // A writer hands over their own drafts only.
    if (action === "submit" && !mayEditArticle(staff, article)) return refused("not_allowed", "Only its writer or an editor can submit this draft.");
    if (article.version !== expectedVersion) return conflict(tx, article.id);
    const version = article.version + 1;
    await tx.article.update({
      where: { id: articleId },
      data: {
        status: move.to,
        version,
        scheduledFor: move.to === "SCHEDULED" ? options.scheduledFor! : null,
        // Republished after a pause, an article keeps its first publication time.
        ...(move.to === "PUBLISHED" && !article.publishedAt ? { publishedAt: now } : {}),
      },
    });
    const when = move.to === "SCHEDULED" ? ` for ${options.scheduledFor!.toISOString()}` : "";
    await audit(tx, staff.id, articleId, `article_${action}`, `${article.status.toLowerCase()} → ${move.to.toLowerCase()}${when}`);
    return { ok: true, articleId, version, status: move.to } as const;
  });
}

/**
 * The scheduler's part: every scheduled article whose time has come goes live, each by a compare-and-set on its
 * status, so two servers running this at once publish each article once. Returns the articles published.
 */
export async function publishDueArticles(now = new Date()): Promise<number[]> {
  const db = getDb();
  const due = await db.article.findMany({
    where: { status: "SCHEDULED", scheduledFor: { lte: now } },
    select: { id: true, scheduledFor: true, publishedAt: true },
  });
  const published: number[] = [];
  for (const article of due) {
    const move = moveArticle("SCHEDULED", "goLive", "system");
    if (!move.ok) continue;
    const moved = await db.article.updateMany({
      // Rescheduled since it was read: not due any more.
      where: { id: article.id, status: "SCHEDULED", scheduledFor: article.scheduledFor },
      data: { status: move.to, publishedAt: article.publishedAt ?? article.scheduledFor, scheduledFor: null, version: { increment: 1 } },
    });
    if (moved.count === 1) published.push(article.id);
  }
  return published;
}

// Names whoever changed the article last, by its audit log: a save, or a move such as scheduling or publishing.
async function conflict(tx: Tx, articleId: number): Promise<EditOutcome> {
  const latest = await tx.moderationAction.findFirst({
    // The address, corrections and related picks do not move the version: whoever changed those is not the one.
    where: { articleId, action: { notIn: ["article_readdress", "article_correct", "article_picks"] } },
    orderBy: { id: "desc" },
    select: { createdAt: true, staffUser: { select: { name: true } } },
  });
  const savedBy = latest?.staffUser?.name ?? null;
  return {
    ok: false,
    error: "conflict",
    message: `${savedBy ?? "Someone"} changed this article since you opened it. Your changes are not saved: copy them, reload, and apply them again.`,
    savedBy,
    savedAt: (latest?.createdAt ?? new Date()).toISOString(),
  };
}

function columns(content: ArticleContent) {
  return {
    headline: content.headline,
    dek: content.dek,
    sectionId: content.sectionId,
    kind: content.kind,
    body: content.body,
    sources: content.sources,
    imageSrc: content.image?.src ?? null,
    imageAlt: content.image?.alt ?? null,
    imageCaption: content.image?.caption || null,
    imageCredit: content.image?.credit || null,
    imageWidth: content.image?.width ?? null,
    imageHeight: content.image?.height ?? null,
    commentsOpen: content.commentsOpen,
  } satisfies Prisma.ArticleUncheckedUpdateInput;
}

// One query after another: relations written concurrently on a transaction's connection are deprecated by node-postgres.
async function writeRelations(tx: Tx, articleId: number, content: ArticleContent): Promise<void> {
  await tx.articleAuthor.deleteMany({ where: { articleId } });
  await tx.articleAuthor.createMany({ data: content.authorIds.map((authorId, position) => ({ articleId, authorId, position })) });
  await tx.articleTag.deleteMany({ where: { articleId } });
  await tx.articleTag.createMany({ data: content.tagIds.map((tagId) => ({ articleId, tagId })) });
}

// The headline's slug, or with -2, -3 … when taken by another article or kept as an old address.
async function freeSlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = (await tx.article.count({ where: { slug } })) + (await tx.articleSlugRedirect.count({ where: { slug } }));
    if (taken === 0) return slug;
  }
}

function invalid(error: { issues: { message: string; path: PropertyKey[] }[] }): EditOutcome {
  const issue = error.issues[0];
  return refused("invalid", issue ? `${issue.path.map(String).join(".") || "article"}: ${issue.message}` : "The article is not valid.");
}
