import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "../helpers/integration-db";

// Rate limits move to Redis when REDIS_URL is set. This runs where a Redis server is available (CI sets
// TEST_REDIS_URL to the machine's own); elsewhere it is skipped, and the PostgreSQL-backed limiter is what the
// pipeline tests exercise.
const redisUrl = process.env.TEST_REDIS_URL;

// Set before any module reads the environment (lib/env.ts parses it once).
vi.hoisted(() => {
  if (process.env.TEST_REDIS_URL) process.env.REDIS_URL = process.env.TEST_REDIS_URL;
});

describe.skipIf(!redisUrl)("rate limits in Redis", () => {
  let rateLimit: typeof import("@/lib/rate-limit");

  afterAll(() => rateLimit?.disconnectRateLimiter());

  it("allow one use per interval per key and say how long to wait", async () => {
    rateLimit = await import("@/lib/rate-limit");
    const key = `test-${randomUUID()}`;
    expect(await rateLimit.consumeRateLimit("redis-test", [key], 1, 30)).toBe(0);
    // The counter is in Redis, not in PostgreSQL, under a keyed hash of its key (never the key itself).
    const redis = new Redis(redisUrl!);
    const stored = await redis.keys("redis-test:*");
    await redis.quit();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((name) => name.includes(key))).toEqual([]);
    expect(await db.rateLimit.count({ where: { key: { startsWith: "redis-test:" } } })).toBe(0);
    const wait = await rateLimit.consumeRateLimit("redis-test", [key], 1, 30);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);
    expect(await rateLimit.consumeRateLimit("redis-test", [`${key}-other`], 1, 30)).toBe(0);
    await rateLimit.resetRateLimit("redis-test", key, 1, 30);
    expect(await rateLimit.consumeRateLimit("redis-test", [key], 1, 30)).toBe(0);
  });
});
