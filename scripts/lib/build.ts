import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { run } from "./run";
import { NEXT_BIN, ROOT } from "./paths";

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const HASH_FILE = path.join(ROOT, ".next", "source-hash");

// Builds the production app unless .next already holds a build of exactly these sources.
export async function buildIfNeeded(log: (line: string) => void): Promise<void> {
  const hash = await hashSources();
  const current = existsSync(HASH_FILE) ? await readFile(HASH_FILE, "utf8") : "";
  if (current === hash && existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    log("production build is up to date");
    return;
  }
  log("building the production app (takes a minute or two)…");
  await run(process.execPath, [NEXT_BIN, "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  await writeFile(HASH_FILE, hash);
}

// Cached public data from an earlier run may describe another database: start every server with an empty data cache.
export async function clearDataCache(): Promise<void> {
  await rm(path.join(ROOT, ".next", "cache", "fetch-cache"), { recursive: true, force: true });
}

async function hashSources(): Promise<string> {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for (const file of await listFiles(path.join(ROOT, source))) {
      hash.update(path.relative(ROOT, file)).update("\0").update(await readFile(file)).update("\0");
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
