import { queryRows } from "./e2e-db";

export const ARCHIVE_SECTION = "archive-e2e";
export const ARCHIVE_WORD = "quillwort";
export const ARCHIVE_SIZE = 25;

// An old section with enough stories for three pages, each mentioning a word no other article uses. Inserted with
// ON CONFLICT, so every worker can call it and the rows exist once.
export async function ensureArchiveSection(): Promise<void> {
  await queryRows(
    `INSERT INTO "Section" (slug, name, description, position) VALUES ($1, 'Archive', 'Stories from the archive.', 99) ON CONFLICT (slug) DO NOTHING`,
    [ARCHIVE_SECTION],
  );
  await queryRows(
    `INSERT INTO "Article" (slug, headline, dek, body, "sectionId", status, "publishedAt")
     SELECT 'archive-story-' || n, 'Archive story number ' || n, 'From the archive, part ' || n,
            jsonb_build_array(jsonb_build_object('type', 'paragraph', 'text', 'The ${ARCHIVE_WORD} grew by the old pier in year ' || n || '.')),
            (SELECT id FROM "Section" WHERE slug = $1), 'PUBLISHED', timestamptz '2020-01-01 12:00Z' + n * interval '1 day'
     FROM generate_series(1, ${ARCHIVE_SIZE}) AS n
     ON CONFLICT (slug) DO NOTHING`,
    [ARCHIVE_SECTION],
  );
}
