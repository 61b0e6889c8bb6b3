import { spawn } from "node:child_process";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { issueFormToken } from "@/lib/comments/form-token";
import { submitComment, type Submission } from "@/lib/data/comments/comment-submission";
import { updateCommentSettings } from "@/lib/data/site/settings";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";
import { commentSubmission, expectRefused, expectStored } from "../helpers/comment-submission";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

// A comment form sent more than once (a double click, a retry after a lost answer, a server killed mid-request)
// is stored once, and never answers anyone but its sender with the stored comment.
let articleId: number;

const submission = (overrides: Partial<Submission> = {}) => commentSubmission(articleId, overrides);

// Runs work while another connection holds a lock that lets the comment table be read but not written.
async function withCommentWritesLocked(work: () => Promise<void>) {
  const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    await locker.query('LOCK TABLE "Comment" IN SHARE MODE');
    await work();
  } finally {
    await locker.query("ROLLBACK");
    await locker.end();
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("Timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(async () => {
  await resetDatabase();
  articleId = (await createArticle()).id;
});

describe("submitting exactly once", () => {
  it("stores one comment for a form sent twice, and answers both alike", async () => {
    const form = submission({ email: "twice@example.com", body: "Once." });
    const first = await submitComment(form);
    // The address may be typed with other capitals.
    const again = await submitComment({ ...form, email: "Twice@Example.com" });
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(again).toMatchObject({ ok: true, replayed: true, id: first.ok ? first.id : -1, status: "PENDING" });
    expect(await db.comment.count()).toBe(1);
  });

  it("keeps apart the comments of readers who were served the same cached form", async () => {
    const token = issueFormToken(articleId, Date.now() - 5000);
    const first = await submitComment(submission({ formToken: token, email: "one@example.com", body: "Same words." }));
    const second = await submitComment(submission({ formToken: token, email: "two@example.com", body: "Same words." }));
    const ids = [first, second].map((result) => (result.ok && !result.replayed ? result.id : null));
    expect(new Set(ids).size).toBe(2);
    expect(ids).not.toContain(null);
    expect(await db.comment.count()).toBe(2);
  });

  it("never answers another client who sends a shared form's fields with the stored comment, nor says it exists", async () => {
    // (Flood control, which counts an address's comments from any client, is tested on its own above.)
    await updateCommentSettings({ floodIntervalSeconds: 0 });
    const token = issueFormToken(articleId, Date.now() - 5000);
    const owner = submission({ formToken: token, name: "Olive Owner", website: "https://olive.example.org/", email: "olive@example.com", body: "Mine." });
    const first = await submitComment(owner);
    expect(first).toMatchObject({ ok: true, replayed: false, status: "PENDING" });
    const olive = first.ok ? first.id : -1;
    // Another client who knows the address and the words, with another name or with every field alike, is answered
    // as any new comment is: held, under an id of its own, never with Olive's comment or a "you already posted".
    const claim = await submitComment({ ...owner, name: "Mallory", website: null, clientHash: "someone-else" });
    expect(claim).toMatchObject({ ok: true, replayed: false, status: "PENDING" });
    const copy = await submitComment({ ...owner, clientHash: "another-client" });
    expect(copy).toMatchObject({ ok: true, replayed: false, status: "PENDING" });
    expect(new Set([olive, claim.ok && claim.id, copy.ok && copy.id]).size).toBe(3);
    // Olive's own client, sending her form again with another name, is told she posted it already.
    expect(await submitComment({ ...owner, name: "Olive" })).toEqual({ ok: false, refusal: expect.objectContaining({ status: 409, code: "duplicate" }) });
    expect(await submitComment(owner)).toMatchObject({ ok: true, replayed: true, id: olive });
    expect(await db.comment.count()).toBe(3);
  });

  it("answers an API client's key sent again with another comment with 422, storing nothing", async () => {
    const api = submission({ formToken: null, idempotencyKey: "api:client:key-12345678", body: "First words." });
    expect(await submitComment(api)).toMatchObject({ ok: true, replayed: false });
    expect(await submitComment({ ...api, body: "Other words." })).toEqual({
      ok: false,
      refusal: expect.objectContaining({ status: 422, code: "idempotency_key_reused" }),
    });
    expect(await submitComment(api)).toMatchObject({ ok: true, replayed: true });
    expect(await db.comment.count()).toBe(1);
  });

  it("gives up within seconds when the comment table is locked, storing nothing, and stores once when retried", async () => {
    const form = submission({ email: "locked-out@example.com", body: "Waiting on a lock." });
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query('LOCK TABLE "Comment" IN ACCESS EXCLUSIVE MODE');
      // The lock is let go only after this answer, so without the serving app's lock timeout (2 s) it would never
      // come. The API turns this error into 503 with Retry-After.
      const failure = await submitComment(form).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(failure)).toBe(true);
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
    expect(await db.comment.count({ where: { authorEmail: "locked-out@example.com" } })).toBe(0);
    await expectStored(await submitComment(form));
    expect(await submitComment(form)).toMatchObject({ ok: true, replayed: true });
    expect(await db.comment.count({ where: { authorEmail: "locked-out@example.com" } })).toBe(1);
  });

  it("stores a form once when it is sent again, from the same client, after a try whose insert failed", async () => {
    const form = submission({ email: "retried@example.com", body: "Sent again at once." });
    await withCommentWritesLocked(async () => {
      // Reads pass and the insert waits for the lock until the serving app's lock timeout gives up.
      const failure = await submitComment(form).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(failure)).toBe(true);
    });
    // Nothing was spent by the failed try: not the flood interval, not the form.
    expect(await submitComment(form)).toMatchObject({ ok: true, replayed: false });
    expect(await submitComment(form)).toMatchObject({ ok: true, replayed: true });
    expect(await db.comment.count({ where: { authorEmail: "retried@example.com" } })).toBe(1);
  });

  it("stores a form once when the server sending it is killed mid-request and the reader retries", async () => {
    const form = submission({ email: "killed@example.com", body: "Sent as the server died." });
    await withCommentWritesLocked(async () => {
      const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/helpers/submit-in-child.ts", JSON.stringify(form)], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      let insert: number | undefined;
      try {
        // The child has read everything and checked every rule; its insert (the store_comment statement) waits on
        // the lock. Kill it there.
        await waitFor(async () => {
          const waiting = await db.$queryRaw<
            { pid: number }[]
          >`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%store_comment(%'`;
          insert = waiting[0]?.pid;
          return insert !== undefined;
        });
      } finally {
        child.kill("SIGKILL");
      }
      // A dead server's connections close with it; PostgreSQL would notice at its next read, this makes it now.
      await db.$queryRaw`SELECT pg_terminate_backend(${insert}::int)`;
    });
    expect(await db.comment.count({ where: { authorEmail: "killed@example.com" } })).toBe(0);
    expect(await submitComment(form)).toMatchObject({ ok: true, replayed: false });
    expect(await submitComment(form)).toMatchObject({ ok: true, replayed: true });
    expect(await db.comment.count({ where: { authorEmail: "killed@example.com" } })).toBe(1);
  }, 30_000);

  it("lets the same form through again after a failure that stored nothing", async () => {
    const token = issueFormToken(articleId, Date.now() - 5000);
    await db.$executeRaw`ALTER TABLE "Comment" ADD CONSTRAINT "refuse_everything" CHECK (false) NOT VALID`;
    try {
      await expect(submitComment(submission({ formToken: token }))).rejects.toThrow();
    } finally {
      await db.$executeRaw`ALTER TABLE "Comment" DROP CONSTRAINT "refuse_everything"`;
    }
    await expectStored(await submitComment(submission({ formToken: token })));
  });

  it("lets a commenter correct a refused form and send it again with the same token", async () => {
    const token = issueFormToken(articleId, Date.now() - 5000);
    await expectRefused(await submitComment(submission({ formToken: token, name: "Admin" })), 400, "reserved_name");
    await expectStored(await submitComment(submission({ formToken: token, name: "Ada" })));
  });

  it("stores one comment when the same form arrives twice at the same moment", async () => {
    const token = issueFormToken(articleId, Date.now() - 5000);
    const same = submission({ formToken: token });
    const results = await Promise.all([submitComment(same), submitComment(same), submitComment(same)]);
    const ids = new Set(results.map((result) => (result.ok ? result.id : null)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).not.toBeNull();
    expect(await db.comment.count()).toBe(1);
  });
});
