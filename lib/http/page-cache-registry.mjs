// The production server (scripts/serve.mjs) keeps shared pages in memory, and the app empties that cache whenever it
// changes what a public page shows (lib/cache-expiry.ts). The two meet on a global, not a module: Next.js bundles the
// app's code apart from the server's, so each side would get a copy of its own of any module-level variable. Under
// `next dev` nothing is registered and emptying does nothing.
const PAGE_CACHE = Symbol.for("newsroom.page-cache");

export function registerPageCache(cache) {
  globalThis[PAGE_CACHE] = cache;
}

export function emptyPageCache() {
  globalThis[PAGE_CACHE]?.expire();
}
