import { expect, test } from "@playwright/test";
import pg from "pg";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";
import { e2eEnv } from "../helpers/e2e-env";

// A comment sent while another connection holds the comment table (a migration, a long report) gives up within
// the server's lock timeout and answers 503 with Retry-After, storing nothing; sent again once the lock is gone, it
// is stored once. Serial, because every comment posted meanwhile, any other test's included, would wait too.

const SLUG = "council-votes-to-pedestrianize-old-market-street";

test("a comment sent while the comment table is locked answers 503 with Retry-After, and its retry stores it once", async ({ request }) => {
  const [article] = await queryRows<{ id: number }>(`SELECT id FROM "Article" WHERE slug = $1`, [SLUG]);
  const email = uniqueEmail("locked");
  const data = { articleId: article!.id, name: "Patient Reader", email, body: `Sent while the table was locked ${email}` };
  const headers = { "Idempotency-Key": `locked-${Date.now()}` };

  const locker = new pg.Client({ connectionString: e2eEnv.databaseUrl() });
  await locker.connect();
  let refused;
  try {
    await locker.query("BEGIN");
    // Reads go on; writes wait. The lock is let go only after the answer: without the server's lock timeout the
    // request would wait until the test timed out.
    await locker.query('LOCK TABLE "Comment" IN SHARE MODE');
    refused = await request.post("/api/comments", { data, headers });
  } finally {
    await locker.query("ROLLBACK");
    await locker.end();
  }
  expect(refused.status()).toBe(503);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toEqual({ errors: { form: "Comments cannot be saved right now. Please try again shortly." } });
  expect(await findCommentsByEmail(email)).toEqual([]);

  const stored = await request.post("/api/comments", { data, headers });
  expect(stored.status()).toBe(202);
  expect(await stored.json()).toMatchObject({ replayed: false });
  const again = await request.post("/api/comments", { data, headers });
  expect(await again.json()).toMatchObject({ replayed: true });
  expect(await findCommentsByEmail(email)).toHaveLength(1);
});
