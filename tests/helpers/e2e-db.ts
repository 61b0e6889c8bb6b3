import pg from "pg";
import { e2eEnv } from "./e2e-env";

// Browser tests read what the site stored straight from its database, to prove what was (and was not) saved.
export async function queryRows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eEnv.databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export type StoredComment = { id: number; status: string; authorName: string; parentId: number | null; body: string };

export function findCommentsByEmail(email: string): Promise<StoredComment[]> {
  return queryRows<StoredComment>(`SELECT id, status, "authorName", "parentId", body FROM "Comment" WHERE "authorEmail" = $1 ORDER BY id`, [email]);
}

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}
