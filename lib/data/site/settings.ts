import "server-only";
import { lockArticle } from "@/lib/data/newsroom/article-lock";
import { getDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { commentSettingsSchema, DEFAULT_COMMENT_SETTINGS, type CommentSettings } from "@/lib/validation/settings";

const SETTINGS_ID = 1;

// Takes a client so that scripts running outside the app (the retention command) read the settings the same way.
export async function getCommentSettings(db: Pick<PrismaClient, "siteSettings"> = getDb()): Promise<CommentSettings> {
  const row = await db.siteSettings.findUnique({ where: { id: SETTINGS_ID } });
  // The schema keeps only the settings (id and updatedAt are dropped) and checks them.
  return row ? commentSettingsSchema.parse(row) : DEFAULT_COMMENT_SETTINGS;
}

export async function updateCommentSettings(changes: Partial<CommentSettings>): Promise<CommentSettings> {
  const next = commentSettingsSchema.parse({ ...(await getCommentSettings()), ...changes });
  await getDb().siteSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, ...next }, update: next });
  return next;
}

// The settings with their version (the time of the last save), which the settings form sends back.
export async function getCommentSettingsForEditing(): Promise<{ settings: CommentSettings; version: string }> {
  const row = await getDb().siteSettings.findUnique({ where: { id: SETTINGS_ID } });
  return { settings: row ? commentSettingsSchema.parse(row) : DEFAULT_COMMENT_SETTINGS, version: row?.updatedAt.toISOString() ?? "" };
}

export type SettingsChange = { ok: true; changed: string[]; version: string } | { ok: false; conflict: true };

// Changes the settings and records who changed what, in the same transaction. A save based on an older version
// than the stored one is refused, so two administrators never silently overwrite each other's changes.
export async function changeCommentSettings(staffUserId: number, next: CommentSettings, seenVersion: string): Promise<SettingsChange> {
  return getDb().$transaction(async (tx) => {
    const row = await tx.siteSettings.findUnique({ where: { id: SETTINGS_ID } });
    const version = row?.updatedAt.toISOString() ?? "";
    if (version !== seenVersion) return { ok: false, conflict: true } as const;
    const before = row ? commentSettingsSchema.parse(row) : DEFAULT_COMMENT_SETTINGS;
    const changed = (Object.keys(next) as (keyof CommentSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
    if (changed.length === 0) return { ok: true, changed, version } as const;
    const summary = changed.map((key) => `${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(next[key])}`).join("; ");
    const saved = row
      ? await tx.siteSettings.updateMany({ where: { id: SETTINGS_ID, updatedAt: row.updatedAt }, data: next })
      : await tx.siteSettings.createMany({ data: [{ id: SETTINGS_ID, ...next }], skipDuplicates: true });
    if (saved.count === 0) return { ok: false, conflict: true } as const;
    await tx.moderationAction.create({ data: { staffUserId, action: "settings_update", reason: summary.slice(0, 2000) } });
    const after = await tx.siteSettings.findUniqueOrThrow({ where: { id: SETTINGS_ID }, select: { updatedAt: true } });
    return { ok: true, changed, version: after.updatedAt.toISOString() } as const;
  });
}

// The switch and its audit row in one transaction, on the locked row, like the newsroom's changes: the importer
// (which also locks the row) sees either both or neither.
export async function setArticleCommentsOpen(staffUserId: number, articleId: number, open: boolean): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockArticle(tx, articleId))) return false;
    await tx.article.update({ where: { id: articleId }, data: { commentsOpen: open, version: { increment: 1 } } });
    await tx.moderationAction.create({
      data: { staffUserId, articleId, action: open ? "article_comments_open" : "article_comments_close", reason: `article ${articleId}` },
    });
    return true;
  });
}

export async function listArticlesForSettings() {
  return getDb().article.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: 50,
    select: { id: true, headline: true, commentsOpen: true },
  });
}
