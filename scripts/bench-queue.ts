// npm run bench:queue — the moderation queue with 100,000 comments: median time of the queries behind its first
// page, its last page and a search, with one comment in 250 reported. Runs on its own database (embedded PostgreSQL, or BENCH_DATABASE_URL's server).
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemoContent } from "@/prisma/seed/seed";
import { recreateDatabase, startEmbeddedPostgres } from "./lib/database";
import { applyMigrations } from "./lib/migrate";

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 100_000);
const RUNS = 25;

const server = await startEmbeddedPostgres("bench-postgres", Number(process.env.BENCH_POSTGRES_PORT ?? 54331));
try {
  await recreateDatabase(server.adminUrl, "newsroom_bench");
  const url = server.urlFor("newsroom_bench");
  await applyMigrations(url, () => {});
  const db = createPrismaClient(url);
  await seedDemoContent(db);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Spread over every article and status, a tenth still pending, with text a moderator might search for.
  await client.query(
    `INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", body, status, "heldReasons", "createdAt")
     SELECT (SELECT id FROM "Article" ORDER BY id OFFSET (n % 9) LIMIT 1),
            'Reader ' || n, 'reader' || n || '@example.com',
            'Comment number ' || n || CASE WHEN n % 1000 = 0 THEN ' mentions the lighthouse keeper' ELSE ' about the harbor' END,
            (CASE WHEN n % 10 = 0 THEN 'PENDING' WHEN n % 10 < 8 THEN 'APPROVED' ELSE 'SPAM' END)::"CommentStatus",
            CASE WHEN n % 10 = 0 THEN ARRAY['moderation_mode_hold_all'] ELSE ARRAY[]::text[] END,
            now() - (n || ' seconds')::interval
     FROM generate_series(1, $1) AS n`,
    [COMMENTS],
  );
  // Readers' reports on one comment in 250 (a held comment is reported when hidden by reports), one to three each.
  await client.query(
    `INSERT INTO "CommentReport" ("commentId", "reporterHash", reason)
     SELECT id, 'reader-' || r, 'SPAM' FROM "Comment", generate_series(1, 3) AS r WHERE id % 250 = 0 AND r <= 1 + id % 3`,
  );
  await client.query("ANALYZE");
  await client.end();

  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "benchmark-secret-that-is-long-enough-to-pass";
  const { listCommentsForModeration, QUEUE_PAGE_SIZE } = await import("@/lib/data/moderation/moderation-queue");
  const moderator = { id: 0, email: "bench-moderator@example.com", name: "Bench Moderator", role: "MODERATOR" as const };
  const base = { status: "PENDING" as const, order: "priority" as const, articleId: null, reason: null, search: null, page: 1 };
  const { total } = await listCommentsForModeration(moderator, base);
  const lastPage = Math.ceil(total / QUEUE_PAGE_SIZE);

  const cases: [string, Parameters<typeof listCommentsForModeration>[1]][] = [
    ["first page (pending, reported then oldest)", base],
    ["first page (pending, oldest first)", { ...base, order: "oldest" }],
    [`last page (page ${lastPage})`, { ...base, page: lastPage }],
    ['search "lighthouse keeper" (all pending)', { ...base, search: "lighthouse keeper" }],
    ['search by email "reader4242"', { ...base, status: "APPROVED", search: "reader4242" }],
  ];
  console.log(`\n${COMMENTS.toLocaleString("en")} comments, ${total.toLocaleString("en")} pending; median of ${RUNS} runs (page query + count)\n`);
  const results: Record<string, number> = {};
  for (const [name, query] of cases) {
    await listCommentsForModeration(moderator, query);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      await listCommentsForModeration(moderator, query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results[name] = times[Math.floor(times.length / 2)]!;
    console.log(`${name.padEnd(44)} ${results[name]!.toFixed(1).padStart(8)} ms`);
  }
  console.log(JSON.stringify({ comments: COMMENTS, pending: total, medianMs: results }));
  await db.$disconnect();
  await (await import("@/lib/db")).getDb().$disconnect();
} finally {
  await server.stop();
}
