import { spawn, spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import Redis from "ioredis";
import { DATA_DIR } from "./paths";

/** started: this process started it (and stop ends it); otherwise it was already running and stop leaves it be. */
export type RedisServer = { url: string; started: boolean; stop: () => Promise<void> };

/**
 * The Redis at this address, made ready for the shared cache; null when it does not answer. The cache learns of
 * expired entries from keyspace events, which a managed Redis may refuse to switch on through CONFIG.
 */
export async function readyRedis(url: string): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  // A refused connection is the answer here, not something to report.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    await client
      .config("SET", "notify-keyspace-events", "Exe")
      .catch(() => console.warn(`could not enable keyspace events on ${url}; set notify-keyspace-events Exe yourself`));
    return url;
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

/** The Redis at this address, already running (stop leaves it be); null when it does not answer. */
export async function existingRedis(url: string): Promise<RedisServer | null> {
  return (await readyRedis(url)) ? { url, started: false, stop: async () => {} } : null;
}

/** The Redis at this address when it answers, else the machine's redis-server started on fallbackPort. */
export async function findOrStartRedis(url: string, fallbackPort: number): Promise<RedisServer | null> {
  return (await existingRedis(url)) ?? startRedisServer(fallbackPort);
}

/** The machine's redis-server on 127.0.0.1:port, keeping nothing on disk; null when it is not installed. */
export async function startRedisServer(port: number): Promise<RedisServer | null> {
  if (spawnSync("redis-server", ["--version"]).error) return null;
  const dir = path.join(DATA_DIR, `redis-${port}`);
  await mkdir(dir, { recursive: true });
  // A cache and rate limits only: nothing here needs to outlive the process.
  const server = spawn(
    "redis-server",
    ["--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--save", "", "--appendonly", "no", "--notify-keyspace-events", "Exe"],
    {
      stdio: "ignore",
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let waited = 0; !(await readyRedis(url)); waited += 100) {
    if (server.exitCode !== null || waited > 10_000) {
      server.kill("SIGKILL");
      throw new Error(`redis-server did not start on port ${port} (is the port taken?)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Another Redis already on the port answers too, while ours exits for want of it: that one is not ours to use.
  await new Promise((resolve) => setTimeout(resolve, 200));
  if (server.exitCode !== null) throw new Error(`port ${port} is taken by another Redis: stop it, or set REDIS_URL to use it`);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
  return { url, started: true, stop };
}
