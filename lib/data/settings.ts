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
