import "server-only";
import Redis from "ioredis";
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getPool } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { sign } from "@/lib/security/hmac";

// Counters are shared by every app instance: in PostgreSQL by default, in Redis when REDIS_URL is set. A counter is
// stored under a keyed hash of its key, so that no counter names what it counts (an email address, a client).
const storedKey = (key: string) => sign("rate-limit-key", key, serverEnv().NEXTAUTH_SECRET).slice(0, 32);

const limiters = new Map<string, RateLimiterAbstract>();
let redis: Redis | undefined;

function limiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
  const key = `${name}:${points}:${durationSeconds}`;
  let found = limiters.get(key);
  if (!found) {
    const options = { keyPrefix: name, points, duration: durationSeconds };
    const { REDIS_URL } = serverEnv();
    if (REDIS_URL) {
      // Commands wait for the connection briefly, then fail rather than hang a request.
      redis ??= new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
      found = new RateLimiterRedis({ ...options, storeClient: redis });
    } else {
      // One INSERT … ON CONFLICT per point taken, on the app's own pool. The table is the migrations' ("RateLimit",
      // unlogged: counting waits for no disk, and a crash empties it), and expired counters are removed by the
      // retention job (lib/data/site/retention.ts).
      found = new RateLimiterPostgres({
        ...options,
        storeClient: getPool(),
        storeType: "pool",
        tableName: "RateLimit",
        tableCreated: true,
        clearExpiredByTimeout: false,
      });
    }
    limiters.set(key, found);
  }
  return found;
}

/**
 * The row of the PostgreSQL table a counter is kept in, for a statement that takes its point itself (a comment
 * submission's facts, lib/data/comments/comment-facts.ts, saving a round trip on the busiest write); null when the
 * counters are in Redis. Such a statement takes the point as the limiter's own upsert does, so both count alike.
 */
export function postgresCounterRow(name: string, key: string): string | null {
  return serverEnv().REDIS_URL ? null : `${name}:${storedKey(key)}`;
}

/** Gives one point back to a key. */
export async function rewardRateLimit(name: string, key: string, points: number, durationSeconds: number): Promise<void> {
  await limiter(name, points, durationSeconds).reward(storedKey(key), 1);
}

/** Forgets a key's counter, as if it had never been used. */
export async function resetRateLimit(name: string, key: string, points: number, durationSeconds: number): Promise<void> {
  await limiter(name, points, durationSeconds).delete(storedKey(key));
}

/** Takes one point for each key; answers how many seconds to wait when any of them is spent, else 0. */
export async function consumeRateLimit(name: string, keys: string[], points: number, durationSeconds: number): Promise<number> {
  if (durationSeconds <= 0) return 0;
  let waitMs = 0;
  for (const key of keys) {
    try {
      await limiter(name, points, durationSeconds).consume(storedKey(key));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      waitMs = Math.max(waitMs, error.msBeforeNext);
    }
  }
  return Math.ceil(waitMs / 1000);
}

/** Closes the Redis connection, if any (graceful shutdown, tests). */
export async function disconnectRateLimiter(): Promise<void> {
  await redis?.quit();
  redis = undefined;
  limiters.clear();
}
