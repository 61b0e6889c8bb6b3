import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { recreateDatabase } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrate";

const adminUrl = process.env.DATABASE_URL!.replace(/\/[^/]+$/, "/postgres");
const scratchUrl = process.env.DATABASE_URL!.replace(/\/[^/]+$/, "/newsroom_test_migrations");

async function migrationsFolder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeEach(() => recreateDatabase(adminUrl, "newsroom_test_migrations"));

describe("the migration runner", () => {
  it("applies each migration once even when two instances start together", async () => {
    const dir = await migrationsFolder({ "1_a": `CREATE TABLE "A" (id int);`, "2_b": `CREATE TABLE "B" (id int); INSERT INTO "B" VALUES (1);` });
    const [first, second] = await Promise.all([applyMigrations(scratchUrl, () => {}, dir), applyMigrations(scratchUrl, () => {}, dir)]);
    expect([...first!, ...second!].sort()).toEqual(["1_a", "2_b"]);
    expect(await query(`SELECT count(*)::int AS n FROM "B"`)).toEqual([{ n: 1 }]);
  });

  it("keeps a failed migration recorded with its log, rolls its statements back and refuses to go on", async () => {
    const dir = await migrationsFolder({ "1_bad": `CREATE TABLE "C" (id int); SELECT * FROM missing_table;` });
    await expect(applyMigrations(scratchUrl, () => {}, dir)).rejects.toThrow(/1_bad failed: .*missing_table/);
    const [row] = await query<{ finished_at: Date | null; logs: string }>(`SELECT finished_at, logs FROM "_prisma_migrations"`);
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toContain("missing_table");
    expect(await query(`SELECT to_regclass('"C"') AS c`)).toEqual([{ c: null }]);
    await expect(applyMigrations(scratchUrl, () => {}, dir)).rejects.toThrow(/failed earlier/);
  });
});
