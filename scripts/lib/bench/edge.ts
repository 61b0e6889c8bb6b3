import { spawnSync, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { missingEngines, startCluster, type Cluster } from "../cluster";
import { findOrStartRedis, type RedisServer } from "../redis-server";
import { stopVarnish, type Varnish } from "../varnish";
import { CookieJar, findApproveForm, signIn, submitConsoleForm, type ConsoleForm } from "./console";
import { BROWSER, ENGINE_PORT, ENGINE_URL, get, NGINX_PORT, startNginx, startVarnishAlone, stopNginx } from "./edge-servers";
import { read, SECONDS, type LoadResult } from "./load";
import { inTurns, type Turns } from "./turns";
import { wrkMissing } from "./wrk";

// The edge: two instances behind Varnish on the benchmark's database. Reads of the article through Varnish against
// nginx serving the very bytes Varnish sends; then the same reads while a moderator approves five comments a second
// on instance A, with Varnish's hit ratio over the run and the time from each approval to the comment being on the
// page Varnish serves.
const VARNISH_PORT = 3210;
/** Varnish, the two instances behind it, Varnish alone, and nginx. */
export const EDGE_PORTS = [VARNISH_PORT, VARNISH_PORT + 1, VARNISH_PORT + 2, ENGINE_PORT, NGINX_PORT];
export const APPROVALS_PER_SECOND = 5;
const POLL_MS = 20;
const GIVE_UP_MS = 10_000;

export type EdgeSettings = {
  databaseUrl: string;
  secret: string;
  distDir: string;
  logDir: string;
  articlePath: string;
  articleId: number;
  moderator: { email: string; password: string };
};
export type ApprovalTimes = {
  count: number;
  notVisible: number;
  afterAnswerMs: { p50: number; p99: number; max: number };
  afterSendMs: { p50: number; p99: number; max: number };
};
/** reads: (g) against (h) in turns; engine: (g0), Varnish alone, against (h) in turns. */
export type EdgeResult =
  { reads: Turns<LoadResult>; engine: Turns<LoadResult>; underApprovals: LoadResult; hitRatio: number; approvals: ApprovalTimes } | { skipped: string };

export async function edgeBench(settings: EdgeSettings, log: (line: string) => void): Promise<EdgeResult> {
  const missing = missingEngines() ?? wrkMissing() ?? (spawnSync("nginx", ["-v"]).error ? "nginx is not installed (Debian: apt-get install nginx)" : null);
  if (missing) return { skipped: missing };
  const redis: RedisServer | null = await findOrStartRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", 6393);
  if (!redis) return { skipped: "Redis does not answer and redis-server is not installed (Debian: apt-get install redis-server)" };
  let cluster: Cluster | null = null;
  let nginx: { child: ChildProcess; dir: string } | null = null;
  let engine: Varnish | null = null;
  try {
    log("starting two instances behind Varnish");
    cluster = await startCluster({
      instances: 2,
      varnishPort: VARNISH_PORT,
      firstInstancePort: VARNISH_PORT + 1,
      databaseUrl: settings.databaseUrl,
      secret: settings.secret,
      distDir: settings.distDir,
      redisUrl: redis.url,
      logDir: settings.logDir,
      extraEnv: { BACKGROUND_JOBS: "off" },
    });
    const articleUrl = `${cluster.varnishUrl}${settings.articlePath}`;
    await get(articleUrl, BROWSER);
    const stored = await get(articleUrl, BROWSER);
    if (stored.headers["x-cache"] !== "HIT") throw new Error(`Varnish did not store ${settings.articlePath}`);
    nginx = await startNginx(stored.body, stored.headers);
    const nginxUrl = `http://127.0.0.1:${NGINX_PORT}/article`;
    engine = await startVarnishAlone(settings.logDir);

    const readNginx = () => read("(h) same bytes from nginx", nginxUrl, BROWSER);
    const rate = (result: LoadResult) => result.requestsPerSecond;
    const reads = await inTurns(() => read("(g) article page through Varnish", articleUrl, BROWSER), readNginx, rate);
    const engineReads = await inTurns(() => read("(g0) same bytes, Varnish with a one-line VCL", `${ENGINE_URL}/article`, BROWSER), readNginx, rate);

    // Approvals stop a second before the reads do, so that each is timed under load.
    const count = APPROVALS_PER_SECOND * Math.max(1, SECONDS - 2);
    log(`holding ${count} comments to approve`);
    const held = [];
    for (let index = 0; index < count; index += 1)
      held.push(await holdComment(cluster.varnishUrl, settings.articleId, `edge${Date.now().toString(36)}n${index}`));
    const jar = new CookieJar();
    const instanceA = cluster.instanceUrls[0]!;
    await signIn(instanceA, jar, settings.moderator);
    // The moderator has the queue open: each approval below is the press of its button.
    const forms: ConsoleForm[] = [];
    for (const { id, marker } of held) forms.push(await findApproveForm(instanceA, jar, id, marker));

    const before = await varnishCounters(cluster.varnishName);
    // On one small machine the load tool, Varnish and the instances share two cores, and wrk at full speed would
    // starve the instances doing the moderator's work. Readers here take what the servers leave, as they would if
    // the load came from elsewhere.
    const loadRun = read(`(i) article through Varnish, ${APPROVALS_PER_SECOND} approvals/s`, articleUrl, BROWSER, true);
    // The warm-up second of the run first, then one approval every 1/5 s, each timed until the page shows it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const timings = await Promise.all(
      held.map(async ({ marker }, index) => {
        await new Promise((resolve) => setTimeout(resolve, (index * 1000) / APPROVALS_PER_SECOND));
        const sent = performance.now();
        await submitConsoleForm(instanceA, jar, forms[index]!);
        const answered = performance.now();
        const visible = await visibleAt(articleUrl, marker);
        return visible === null ? null : { afterSend: visible - sent, afterAnswer: visible - answered };
      }),
    );
    const underApprovals = await loadRun;
    const after = await varnishCounters(cluster.varnishName);
    const hits = after.hit - before.hit;
    const misses = after.miss - before.miss;
    const shown = timings.filter((timing) => timing !== null);
    return {
      reads,
      engine: engineReads,
      underApprovals,
      hitRatio: hits / Math.max(1, hits + misses),
      approvals: {
        count,
        notVisible: count - shown.length,
        afterAnswerMs: spread(shown.map((timing) => timing.afterAnswer)),
        afterSendMs: spread(shown.map((timing) => timing.afterSend)),
      },
    };
  } finally {
    if (engine) await stopVarnish(engine.pidFile);
    if (nginx) await stopNginx(nginx);
    await cluster?.stop();
    await redis.stop();
  }
}

function spread(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN };
}

async function holdComment(base: string, articleId: number, marker: string): Promise<{ id: number; marker: string }> {
  const response = await fetch(`${base}/api/comments`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": marker },
    body: JSON.stringify({ articleId, name: "Edge Reader", email: `${marker}@example.com`, body: `Approved at the edge: ${marker}.` }),
  });
  if (response.status !== 202) throw new Error(`A comment to approve was answered with HTTP ${response.status}, not 202 (held)`);
  const { id } = (await response.json()) as { id: number };
  return { id, marker };
}

async function visibleAt(url: string, marker: string): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < GIVE_UP_MS) {
    if ((await get(url)).body.includes(marker)) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}

async function varnishCounters(name: string): Promise<{ hit: number; miss: number }> {
  const output = spawnSync("varnishstat", ["-n", name, "-1", "-j", "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss"], { encoding: "utf8" });
  if (output.status !== 0) throw new Error(`varnishstat failed: ${output.stderr}`);
  const parsed = JSON.parse(output.stdout) as { counters?: Record<string, { value: number }> } & Record<string, { value: number }>;
  const counters = parsed.counters ?? parsed;
  return { hit: counters["MAIN.cache_hit"]?.value ?? NaN, miss: counters["MAIN.cache_miss"]?.value ?? NaN };
}
