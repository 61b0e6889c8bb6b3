// npm run cluster: the site as it runs on many servers, on one machine. N app instances (CLUSTER_INSTANCES, 2) share
// one PostgreSQL (DATABASE_URL or the embedded one) and one Redis, behind Varnish on PORT. The Redis is REDIS_URL, or
// the one on 127.0.0.1:6379, or else the machine's redis-server started on 6380 for as long as the cluster runs.
import { missingEngines, startCluster } from "./lib/cluster";
import { handleStopSignalsHere } from "./lib/database";
import { prepareSite } from "./lib/prepare-site";
import { existingRedis, findOrStartRedis } from "./lib/redis-server";

const log = (line: string) => console.log(`[cluster] ${line}`);
const fail = (message: string) => {
  console.error(`[cluster] ${message}`);
  process.exit(1);
};

const instances = Number(process.env.CLUSTER_INSTANCES ?? 2);
if (!Number.isInteger(instances) || instances < 1 || instances > 16) fail("CLUSTER_INSTANCES must be a whole number from 1 to 16.");
const port = Number(process.env.PORT ?? 3000);

const missing = missingEngines();
if (missing) fail(missing);
// A Redis named in REDIS_URL must answer; without one, the machine's is used or started.
const redis = process.env.REDIS_URL ? await existingRedis(process.env.REDIS_URL) : await findOrStartRedis("redis://127.0.0.1:6379", 6380);
if (!redis)
  fail(
    process.env.REDIS_URL
      ? `Redis does not answer at REDIS_URL (${process.env.REDIS_URL}).`
      : "Redis does not answer on 127.0.0.1:6379 and redis-server is not installed (Debian: apt-get install redis-server).",
  );
if (redis!.started) log("started redis-server on 127.0.0.1:6380");

const { database, secret, signIn } = await prepareSite(log);
const cluster = await startCluster({
  instances,
  varnishPort: port,
  firstInstancePort: port + 1,
  databaseUrl: database.url,
  secret,
  distDir: ".next",
  redisUrl: redis!.url,
});

log(`the site is at http://localhost:${port} (Varnish), served by ${cluster.instanceUrls.join(", ")}`);
log(`moderation: http://localhost:${port}/admin — ${signIn}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await cluster.stop();
  await redis!.stop();
  await database.stop();
  process.exit(0);
}
handleStopSignalsHere();
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
