import "server-only";
import { getDb } from "@/lib/db";

/**
 * The stored photos (their file names under MEDIA_DIR) that an article shows or any of its revisions names: a photo
 * taken off an article stays while a revision could bring it back. Photos uploaded in the editor and never saved
 * with an article are in neither, and are removed after a day (lib/jobs/unused-photos.ts).
 */
export async function listUsedPhotoNames(): Promise<Set<string>> {
  const rows = await getDb().$queryRaw<{ name: string }[]>`
    SELECT substring("imageSrc" FROM '^/media/(.+)$') AS name FROM "Article" WHERE "imageSrc" LIKE '/media/%'
    UNION
    SELECT substring(content->'image'->>'src' FROM '^/media/(.+)$') FROM "ArticleRevision"
     WHERE content->'image'->>'src' LIKE '/media/%'`;
  return new Set(rows.map((row) => row.name));
}

/** Whether an article or revision names this stored photo now: asked again just before a photo is removed. */
export async function isPhotoUsed(name: string): Promise<boolean> {
  const src = `/media/${name}`;
  const [row] = await getDb().$queryRaw<{ used: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM "Article" WHERE "imageSrc" = ${src})
        OR EXISTS (SELECT 1 FROM "ArticleRevision" WHERE content->'image'->>'src' = ${src}) AS used`;
  return row!.used;
}
