// npm test: every test. Lint, unit and integration tests (real PostgreSQL), then browser tests in Chromium against
// the production build served on its own freshly seeded database.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "@/lib/db-client";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { seedDemoContent } from "@/prisma/seed/seed";
import { buildIfNeeded, clearSiteCaches } from "./lib/build";
import { missingEngines, startCluster } from "./lib/cluster";
import { recreateDatabase, startEmbeddedPostgres } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { DATA_DIR } from "./lib/paths";
import { findOrStartRedis } from "./lib/redis-server";
import { run } from "./lib/run";
import { spawnProductionServer, stopServer, waitUntilServing } from "./lib/server";
import { startSmtpSink } from "../tests/helpers/smtp-sink";

const DIST_DIR = ".next-test";
const log = (line: string) => console.log(`\n[test] ${line}`);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium was not found at ${chromium}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

// `npm test -- <playwright filters>` runs only the browser tests those filters pick (a file, a -g pattern).
const browserFilters = process.argv.slice(2);
const everything = browserFilters.length === 0;
// Filters naming tests/cluster pick the cluster tests instead.
const clusterOnly = browserFilters.some((filter) => filter.startsWith("tests/cluster"));

// The cluster tests run Varnish in front of two instances.
const missingEngine = everything || clusterOnly ? missingEngines() : null;
if (missingEngine) {
  console.error(missingEngine);
  process.exit(1);
}

const failures: string[] = [];
// Each step says how long it took, so that a slow suite shows where its time goes.
async function step(name: string, work: () => Promise<void>) {
  log(name);
  const started = performance.now();
  try {
    await work();
  } catch (error) {
    failures.push(name);
    console.error(`[test] ${name} failed: ${(error as Error).message}`);
  }
  console.log(`[test] ${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (everything) await step("lint", () => run(process.execPath, [path.resolve("node_modules/eslint/bin/eslint.js"), ".", "--max-warnings", "0"]));
// One layout for every file (.prettierrc.json); `npx prettier --write .` applies it.
if (everything) await step("format", () => run(process.execPath, [path.resolve("node_modules/prettier/bin/prettier.cjs"), "--check", "."]));
if (everything) await step("type check", () => run(process.execPath, [path.resolve("node_modules/typescript/bin/tsc"), "--noEmit"]));

const postgres = await startEmbeddedPostgres("test-postgres", Number(process.env.TEST_POSTGRES_PORT ?? 54330));
try {
  await recreateDatabase(postgres.adminUrl, "newsroom_test");
  if (everything)
    await step("unit and integration tests", () =>
      run(process.execPath, [path.resolve("node_modules/vitest/vitest.mjs"), "run"], {
        env: { ...process.env, TEST_DATABASE_URL: postgres.urlFor("newsroom_test") },
      }),
    );

  if (!clusterOnly)
    await step("browser tests", async () => {
      const { databaseUrl, moderator } = await prepareBrowserDatabase("newsroom_e2e");
      await buildIfNeeded(DIST_DIR, (line) => console.log(line));
      await clearSiteCaches(DIST_DIR);
      const port = Number(process.env.E2E_PORT ?? 3100);
      const baseUrl = `http://127.0.0.1:${port}`;
      const serverLog = path.join(DATA_DIR, "e2e-server.log");
      const mail = await startMailFolder("e2e-mail", Number(process.env.E2E_SMTP_PORT ?? 2526));
      // The server's stored photos, in a folder the browser tests can put photos into.
      const mediaDir = path.join(DATA_DIR, "e2e-media");
      await rm(mediaDir, { recursive: true, force: true });
      await mkdir(mediaDir, { recursive: true });
      const secret = randomBytes(32).toString("base64url");
      const server = spawnProductionServer(
        {
          port,
          databaseUrl,
          secret,
          siteUrl: baseUrl,
          distDir: DIST_DIR,
          // One trusted proxy: browser tests tell readers apart by the X-Forwarded-For each browser sends; requests
          // without the header are still known by their socket address.
          // A newsroom away from UTC, so that the tests see times shown in its zone.
          // A hold of a few seconds before commenters are told of a decision, so that tests see it end.
          extraEnv: {
            SMTP_URL: mail.smtpUrl,
            TRUSTED_PROXY_COUNT: "1",
            NEWSROOM_TIME_ZONE: "Europe/Stockholm",
            COMMENT_NOTICE_DELAY_SECONDS: "10",
            MEDIA_DIR: mediaDir,
          },
        },
        { logFile: serverLog },
      );
      try {
        await waitUntilServing(baseUrl, server);
        await runPlaywright("playwright.config.ts", browserFilters, {
          E2E_BASE_URL: baseUrl,
          E2E_DATABASE_URL: databaseUrl,
          E2E_MODERATOR_EMAIL: moderator.email,
          E2E_MODERATOR_PASSWORD: moderator.password,
          E2E_SERVER_LOG: serverLog,
          E2E_MAIL_DIR: mail.dir,
          E2E_MEDIA_DIR: mediaDir,
          // A test expires every cached page, as the article importer does, so that its own requests render them.
          E2E_SITE_SECRET: secret,
        });
      } finally {
        await stopServer(server);
        await mail.stop();
      }
    });

  // The site as it runs on many servers: two instances behind Varnish, sharing Redis and this database.
  if (everything || clusterOnly)
    await step("cluster tests", async () => {
      const { databaseUrl, moderator } = await prepareBrowserDatabase("newsroom_cluster");
      // The instances keep their cache in Redis under a key prefix new at each start: nothing on disk to clear.
      await buildIfNeeded(DIST_DIR, (line) => console.log(line));
      const redis = await findOrStartRedis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", Number(process.env.CLUSTER_REDIS_PORT ?? 6391));
      if (!redis) throw new Error("Redis does not answer and redis-server is not installed (Debian: apt-get install redis-server)");
      const logDir = path.join(DATA_DIR, "cluster-logs");
      await rm(logDir, { recursive: true, force: true });
      await mkdir(logDir, { recursive: true });
      const varnishPort = Number(process.env.CLUSTER_PORT ?? 3200);
      const secret = randomBytes(32).toString("base64url");
      let mail: Awaited<ReturnType<typeof startMailFolder>> | undefined;
      try {
        mail = await startMailFolder("cluster-mail", Number(process.env.CLUSTER_SMTP_PORT ?? 2528));
        const cluster = await startCluster({
          instances: 2,
          varnishPort,
          firstInstancePort: varnishPort + 1,
          databaseUrl,
          secret,
          distDir: DIST_DIR,
          redisUrl: redis.url,
          logDir,
          extraEnv: { SMTP_URL: mail.smtpUrl },
        });
        try {
          await runPlaywright("playwright.cluster.config.ts", browserFilters, {
            E2E_VARNISH_URL: cluster.varnishUrl,
            E2E_INSTANCE_URLS: cluster.instanceUrls.join(" "),
            // The article importer, run by a test as a newsroom runs it, signs its cache expiry with the site's secret.
            E2E_SITE_SECRET: secret,
            E2E_DATABASE_URL: databaseUrl,
            E2E_MODERATOR_EMAIL: moderator.email,
            E2E_MODERATOR_PASSWORD: moderator.password,
            E2E_MAIL_DIR: mail.dir,
          });
        } finally {
          await cluster.stop();
        }
      } finally {
        await mail?.stop();
        await redis.stop();
      }
    });
} finally {
  await postgres.stop();
}

if (failures.length > 0) {
  console.error(`\n[test] failed: ${failures.join(", ")}`);
  process.exit(1);
}
log("every test passed");

// A fresh database with the demo content, an administrator and flood limits relaxed for browser tests.
async function prepareBrowserDatabase(name: string) {
  const databaseUrl = postgres.urlFor(name);
  await recreateDatabase(postgres.adminUrl, name);
  await applyMigrations(databaseUrl, () => {});
  const moderator = { email: "e2e-moderator@example.com", password: randomBytes(12).toString("base64url") };
  const db = createPrismaClient(databaseUrl);
  try {
    await seedDemoContent(db);
    await upsertStaffUser(db, { ...moderator, name: "Test Moderator", role: "ADMIN" });
    // Browser tests post many comments from one address within seconds; flood control and the minimum time on
    // the form are proven by the integration tests and would only make these wait.
    await db.siteSettings.create({ data: { id: 1, floodIntervalSeconds: 0, minFormSeconds: 0, attemptsPerMinute: 10_000 } });
  } finally {
    await db.$disconnect();
  }
  return { databaseUrl, moderator };
}

// A real SMTP server receives the site's mail; the browser tests read it from this folder.
async function startMailFolder(name: string, port: number) {
  const dir = path.join(DATA_DIR, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const stop = await startSmtpSink(port, (mail) => writeFile(path.join(dir, `${Date.now()}-${randomBytes(4).toString("hex")}.json`), JSON.stringify(mail)));
  return { dir, smtpUrl: `smtp://127.0.0.1:${port}`, stop };
}

function runPlaywright(config: string, filters: string[], env: Record<string, string>) {
  return run(process.execPath, [path.resolve("node_modules/@playwright/test/cli.js"), "test", "--config", config, ...filters], {
    env: { ...process.env, ...env, CHROMIUM_PATH: chromium },
  });
}
