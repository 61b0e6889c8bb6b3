import "server-only";
import { getDb } from "@/lib/db";
import { commentSettingsSchema, DEFAULT_COMMENT_SETTINGS, type CommentSettings } from "@/lib/validation/settings";

const SETTINGS_ID = 1;

export async function getCommentSettings(): Promise<CommentSettings> {
  const row = await getDb().siteSettings.findUnique({ where: { id: SETTINGS_ID } });
  // The schema keeps only the settings (id and updatedAt are dropped) and checks them.
  return row ? commentSettingsSchema.parse(row) : DEFAULT_COMMENT_SETTINGS;
}

export async function updateCommentSettings(changes: Partial<CommentSettings>): Promise<CommentSettings> {
  const next = commentSettingsSchema.parse({ ...(await getCommentSettings()), ...changes });
  await getDb().siteSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, ...next }, update: next });
  return next;
}

// Changes the settings and records who changed what, in the same transaction.
export async function changeCommentSettings(staffUserId: number, next: CommentSettings): Promise<string[]> {
  const before = await getCommentSettings();
  const changed = (Object.keys(next) as (keyof CommentSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(next[key]));
  if (changed.length === 0) return [];
  const summary = changed.map((key) => `${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(next[key])}`).join("; ");
  await getDb().$transaction([
    getDb().siteSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, ...next }, update: next }),
    getDb().moderationAction.create({ data: { staffUserId, action: "settings_update", reason: summary.slice(0, 2000) } }),
  ]);
  return changed;
}

export async function setArticleCommentsOpen(staffUserId: number, articleId: number, open: boolean): Promise<boolean> {
  const updated = await getDb().article.updateMany({ where: { id: articleId }, data: { commentsOpen: open } });
  if (updated.count === 0) return false;
  await getDb().moderationAction.create({ data: { staffUserId, action: open ? "article_comments_open" : "article_comments_close", reason: `article ${articleId}` } });
  return true;
}

export async function listArticlesForSettings() {
  return getDb().article.findMany({
    where: { status: "PUBLISHED" },
    orderBy: { publishedAt: "desc" },
    take: 50,
    select: { id: true, headline: true, commentsOpen: true },
  });
}
