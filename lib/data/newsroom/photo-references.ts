import "server-only";
import { getDb } from "@/lib/db";
import { MEDIA_PATH_PREFIX } from "@/lib/media/media-files";

/**
 * Which of these stored photos (file names under MEDIA_DIR) an article shows or any of its revisions names: a photo
 * taken off an article stays while a revision could bring it back. Photos uploaded in the editor and never saved
 * with an article are in neither, and are removed after a day (lib/jobs/unused-photos.ts).
 *
 * Each name is a probe of an index (Article.imageSrc, and the revisions' photo address, indexed by migration
 * 20261204220000), so a question about every photo of a large archive still reads no revision's JSON. The probes are
 * scalar subqueries: two EXISTS joined by OR may be planned as a hash of the whole table, which for a long list of
 * names PostgreSQL prefers, and which reads every revision.
 */
export async function listPhotosInUse(names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await getDb().$queryRaw<{ name: string }[]>`
    SELECT name FROM unnest(${names}::text[]) AS name
    WHERE (SELECT true FROM "Article" WHERE "imageSrc" = ${MEDIA_PATH_PREFIX} || name LIMIT 1)
       OR (SELECT true FROM "ArticleRevision" WHERE (content->'image'->>'src') = ${MEDIA_PATH_PREFIX} || name LIMIT 1)`;
  return new Set(rows.map((row) => row.name));
}
