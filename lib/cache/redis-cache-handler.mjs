// Next.js's cache (ISR pages and unstable_cache data) in Redis, so that every app instance serves the same cached
// pages and a tag expired by one instance is expired for all (next.config.ts uses it when REDIS_URL is set).
// The handler is @trieb.work/nextjs-turbo-redis-cache, which keeps the tag index in Redis and tells the other
// instances of expired tags by publish/subscribe within milliseconds. Loaded by Next.js at run time as plain
// JavaScript, so it reads process.env itself.
import { RedisStringsHandler } from "@trieb.work/nextjs-turbo-redis-cache";

let shared;

function handler() {
  shared ??= new RedisStringsHandler({
    redisUrl: process.env.REDIS_URL,
    database: Number(new URL(process.env.REDIS_URL).pathname.slice(1) || 0),
    // One prefix per deployment (npm run cluster gives each start its own), so a cache of another build or another
    // database is never read.
    keyPrefix: `${process.env.CACHE_KEY_PREFIX || "newsroom"}:`,
    // A copy held in memory could be served by an instance that has not yet heard of an expired tag; Redis answers
    // within a millisecond here, so every read goes to it.
    redisGetDeduplication: false,
    inMemoryCachingTime: 0,
    getTimeoutMs: 1000,
  });
  return shared;
}

export default class RedisCacheHandler {
  get(...args) {
    return handler().get(...args);
  }
  set(...args) {
    return handler().set(...args);
  }
  revalidateTag(...args) {
    return handler().revalidateTag(...args);
  }
  resetRequestCache(...args) {
    return handler().resetRequestCache(...args);
  }
}
