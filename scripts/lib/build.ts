import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { NEXT_BIN, ROOT } from "./paths";
import { run } from "./run";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
// Builds the production app into distDir unless it already holds a build of exactly these sources.
export async function buildIfNeeded(distDir: string, log: (line: string) => void): Promise<void> {
  const hashFile = path.join(ROOT, distDir, "source-hash");
  const hash = await hashSources();
  const current = existsSync(hashFile) ? await readFile(hashFile, "utf8") : "";
  if (current === hash && existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    log("production build is up to date");
    return;
  }
  log("building the production app (takes a minute or two)…");
  await run(process.execPath, [NEXT_BIN, "build"], { env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  await writeFile(hashFile, hash);
}

// Cached public data and pages from an earlier run may describe another database, and the pages hold comment-form
// tokens signed with that run's secret: start every server with empty caches.
export async function clearSiteCaches(distDir: string): Promise<void> {
  await rm(path.join(ROOT, distDir, "cache", "fetch-cache"), { recursive: true, force: true });
  await rm(path.join(ROOT, distDir, "server", "route-cache"), { recursive: true, force: true });
}

async function hashSources(): Promise<string> {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for (const file of await listFiles(path.join(ROOT, source))) {
      hash
        .update(path.relative(ROOT, file))
        .update("\0")
        .update(await readFile(file))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

async function listFiles(target: string): Promise<string[]> {
  if (!existsSync(target)) return [];
  if ((await stat(target)).isFile()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !path.join(entry.parentPath, entry.name).includes(`${path.sep}generated${path.sep}`))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
