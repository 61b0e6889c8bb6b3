import "server-only";
import path from "node:path";
import { z } from "zod";

// The only reader of process.env in the app. Parsed on first use rather than at import, because `next build`
// imports server modules on machines where the runtime variables are not set yet.
const envSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  SITE_URL: z.url().default("http://localhost:3000"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Rate limits live in PostgreSQL unless a Redis server is named here. */
  REDIS_URL: z.string().min(1).optional(),
  /** smtp://user:pass@host:port; without it, mail is written to files in .data/outbox (lib/mail/outbox.ts). */
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("The Harbor Ledger <comments@localhost>"),
  /** How long a moderator's decision waits before its commenter is told, so that an undo within it sends nothing. */
  COMMENT_NOTICE_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  /** HTTP caches in front of the site that accept purges by key (comma-separated addresses), e.g. Varnish. */
  EDGE_PURGE_URLS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  /** Where uploaded photos are stored (lib/media/); a relative path is taken from the directory the server runs in. */
  MEDIA_DIR: z
    .string()
    .min(1)
    .default(".data/media")
    .transform((dir) => path.resolve(dir)),
});

export type ServerEnv = z.infer<typeof envSchema>;

let parsed: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  parsed ??= envSchema.parse(process.env);
  return parsed;
}

// The site's public address, for canonical links, feeds and sitemaps. Read on its own so that pages can use it
// without requiring the database and secrets to be configured (as during a build).
export function siteUrl(): string {
  return (parsed?.SITE_URL ?? z.url().default("http://localhost:3000").parse(process.env.SITE_URL)).replace(/\/$/, "");
}

// The newsroom's time zone (an IANA name such as Europe/Stockholm), in which every date and time is shown. Read on
// its own, like siteUrl, because pages format dates during a build too. The server refuses to start with a name Intl
// does not know (scripts/serve.mjs); elsewhere such a name fails with this message rather than showing another zone.
let checkedZone: string | null = null;

export function newsroomTimeZone(): string {
  const zone = process.env.NEWSROOM_TIME_ZONE || "UTC";
  if (zone === checkedZone) return zone;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    throw new Error(`NEWSROOM_TIME_ZONE "${zone}" is not a time zone name (for example Europe/Stockholm or America/New_York).`);
  }
  checkedZone = zone;
  return zone;
}

// This server's own address, for a background job that asks the running site to do what only a request can (expire
// its cached pages): the port and interface scripts/serve.mjs listens on.
export function ownServerUrl(): string {
  const bind = process.env.BIND_ADDRESS;
  const host = !bind || bind === "0.0.0.0" || bind === "::" ? "127.0.0.1" : bind.includes(":") ? `[${bind}]` : bind;
  return `http://${host}:${Number(process.env.PORT ?? 3000)}`;
}
