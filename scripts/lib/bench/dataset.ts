import { performance } from "node:perf_hooks";
import type pg from "pg";
import { createPrismaClient } from "@/lib/db-client";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { DEFAULT_COMMENT_SETTINGS } from "@/lib/validation/settings";
import { seedDemoContent } from "@/prisma/seed/seed";

// The benchmark's fixed dataset, written with plain SQL: a long discussion under the seed article, and a large
// archive of articles and comments.

// The demo content, a moderator for the console runs, and settings that let one client send the whole load: per-client
// flood control and the minimum time on the form would refuse nearly all of it, and holding every comment keeps the
// submissions off the public pages. 10,000 attempts a minute is the most the settings accept (the app refuses to
// render with more).
const RELAXED = { floodIntervalSeconds: 0, minFormSeconds: 0, attemptsPerMinute: 10_000, moderationMode: "HOLD_ALL" as const };

export async function seedForLoad(url: string, moderator: { email: string; password: string }): Promise<void> {
  const db = createPrismaClient(url);
  try {
    await seedDemoContent(db);
    await upsertStaffUser(db, { ...moderator, name: "Bench Moderator", role: "MODERATOR" });
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...RELAXED }, update: RELAXED });
  } finally {
    await db.$disconnect();
  }
}

// Runs work under the default flood interval, attempt limit and time on the form, then relaxes them again.
export async function withDefaultLimits<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  const { floodIntervalSeconds, attemptsPerMinute, minFormSeconds } = DEFAULT_COMMENT_SETTINGS;
  const set = `UPDATE "SiteSettings" SET "floodIntervalSeconds" = $1, "attemptsPerMinute" = $2, "minFormSeconds" = $3 WHERE id = 1`;
  await client.query(set, [floodIntervalSeconds, attemptsPerMinute, minFormSeconds]);
  try {
    return await work();
  } finally {
    await client.query(set, [RELAXED.floodIntervalSeconds, RELAXED.attemptsPerMinute, RELAXED.minFormSeconds]);
  }
}

// Fills the article's discussion up to `total` approved comments, `replies` of them replies to top-level comments.
export async function fillSeedDiscussion(client: pg.Client, seedArticleId: number, total: number, replies: number): Promise<void> {
  const counts = (
    await client.query<{ top: number; replies: number }>(
      `SELECT count(*) FILTER (WHERE "parentId" IS NULL)::int AS top, count(*) FILTER (WHERE "parentId" IS NOT NULL)::int AS replies
     FROM "Comment" WHERE "articleId" = $1 AND status = 'APPROVED'`,
      [seedArticleId],
    )
  ).rows[0]!;
  const newTop = total - replies - counts.top;
  const newReplies = replies - counts.replies;
  await client.query(
    `INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", body, status, "createdAt")
     SELECT $1, 'Reader ' || n, 'reader' || n || '@example.com',
            'Comment ' || n || ' on the hotline: the strait needs fewer surprises and more phone calls that get answered.',
            'APPROVED', now() - ((1000 - n) || ' minutes')::interval
     FROM generate_series(1, $2::int) AS n`,
    [seedArticleId, newTop],
  );
  await client.query(
    `INSERT INTO "Comment" ("articleId", "parentId", depth, "authorName", "authorEmail", body, status, "createdAt")
     SELECT $1, parent.id, parent.depth + 1, 'Replier ' || parent.n, 'replier' || parent.n || '@example.com',
            'A reply to comment ' || parent.id || ': agreed, and the fishing crews should be told first.', 'APPROVED',
            parent."createdAt" + interval '5 minutes'
     FROM (SELECT id, depth, "createdAt", row_number() OVER (ORDER BY id) AS n FROM "Comment"
           WHERE "articleId" = $1 AND "parentId" IS NULL AND status = 'APPROVED' ORDER BY id LIMIT $2) AS parent`,
    [seedArticleId, newReplies],
  );
  // Statistics, as autovacuum keeps them on a running site: a database just filled has none, and the planner then
  // guesses its way to plans (the duplicate check reading every comment of the client and the article) that no
  // site in service would use.
  await client.query("ANALYZE");
}

// The archive in three statements: generated text is plain, since only its size and the row counts matter here.
export async function loadArchive(client: pg.Client, articles: number, comments: number): Promise<number> {
  const started = performance.now();
  await client.query(
    `INSERT INTO "Article" (slug, headline, dek, body, "sectionId", status, "publishedAt")
     SELECT 'archive-' || n, 'Archive story ' || n || ': council weighs harbor plan as ferry crews wait',
            'Story ' || n || ' from the archive, about the harbor, the council and the people who work on the water.',
            (SELECT jsonb_agg(jsonb_build_object('type', 'paragraph', 'text',
                     'Paragraph ' || p || ' of story ' || n || '. ' || repeat('The council met again about the harbor budget, and residents asked about the ferry timetable. ', 6)))
             FROM generate_series(1, 8) AS p),
            (SELECT id FROM "Section" ORDER BY id OFFSET (n % (SELECT count(*) FROM "Section")) LIMIT 1),
            'PUBLISHED', now() - interval '3 days' - (n || ' hours')::interval
     FROM generate_series(1, $1::int) AS n`,
    [articles],
  );
  await client.query(
    `INSERT INTO "ArticleAuthor" ("articleId", "authorId", position)
     SELECT a.id, (SELECT id FROM "Author" ORDER BY id OFFSET (a.id % (SELECT count(*) FROM "Author")) LIMIT 1), 0
     FROM "Article" a WHERE a.slug LIKE 'archive-%'`,
  );
  // Every archive article gets comments (a multiplicative hash spreads them unevenly), nine in ten approved.
  await client.query(
    `WITH archive AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM "Article" WHERE slug LIKE 'archive-%')
     INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", body, status, "createdAt")
     SELECT archive.id, 'Archive reader ' || (n % 5000), 'archive' || (n % 5000) || '@example.com',
            'Archive comment ' || n || ' about the harbor plan and the ferry crews.',
            (CASE WHEN n % 20 = 0 THEN 'PENDING' WHEN n % 20 = 1 THEN 'SPAM' ELSE 'APPROVED' END)::"CommentStatus",
            now() - interval '3 days' - ((n % 20000) || ' minutes')::interval
     FROM generate_series(1, $1::int) AS n
     JOIN archive ON archive.i = ((n::bigint * 7919 + n / 3) % $2)`,
    [comments, articles],
  );
  await client.query("ANALYZE");
  return (performance.now() - started) / 1000;
}

// The latest article with no comments at all.
export async function findArticleWithoutComments(client: pg.Client): Promise<{ id: number; slug: string }> {
  const { rows } = await client.query<{ id: number; slug: string }>(
    `SELECT id, slug FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "Comment" c WHERE c."articleId" = a.id) ORDER BY "publishedAt" DESC LIMIT 1`,
  );
  if (!rows[0]) throw new Error("Every article has comments: the edge runs need one without");
  return rows[0];
}
