import path from "node:path";
import type { NextConfig } from "next";

// Several instances share one cache in Redis; a single server keeps it in memory and on disk (Next.js's default).
const sharedCache = process.env.REDIS_URL ? { cacheHandler: path.resolve("lib/cache/redis-cache-handler.mjs"), cacheMaxMemorySize: 0 } : {};

const nextConfig: NextConfig = {
  // The test run builds into its own folder, so it never disturbs a site started from the same checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  ...sharedCache,
  // scripts/serve.mjs gives shared pages an ETag (a SHA-256, which costs far less than Next.js's own hash of every
  // page it sends); pages rendered per request are never stored, so an ETag would save nothing there.
  generateEtags: false,
  // scripts/serve.mjs compresses answers itself, after giving cached pages their Content-Security-Policy.
  compress: false,
  // A shared cache may serve a cached page (an article) stale for an hour at most while it fetches a new one.
  expireTime: 60 * 60,
  experimental: {
    // Comment forms are small; anything near this size is not a comment.
    serverActions: { bodySizeLimit: "64kb" },
    // The check that a router request's _rsc marker matches its headers guards caches that key on the address alone.
    // Ours do not keep router requests (Varnish passes them; browsers honour Vary: rsc), and scripts/serve.mjs drops
    // the marker from the addresses of shared pages, which Next.js would otherwise write into the stored page.
    validateRSCRequestHeaders: false,
  },
  images: {
    formats: ["image/avif", "image/webp"],
    // The optimizer fetches only photos: the site's own under /images (public/) and the newsroom's uploads under
    // /media (lib/media/), never with a query. Any other address of the site (a page, a feed) is refused with a 400.
    localPatterns: [
      { pathname: "/images/**", search: "" },
      { pathname: "/media/**", search: "" },
    ],
  },
  async headers() {
    return [
      {
        source: "/admin/:path*",
        headers: [{ key: "Cache-Control", value: "private, no-store" }],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
      {
        // Review links carry their token in the address: never pass it on, not even to the site's own pages.
        source: "/admin/review",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
      {
        // A preview link carries its token in the address, and shows an article readers cannot see yet: never
        // passed on, never stored by a shared cache (deploy/varnish/site.vcl passes these too).
        source: "/preview/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
      {
        // Commenters' download and erase links carry their token in the address, and their pages are theirs alone.
        source: "/privacy/my-comments/:path+",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "private, no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
