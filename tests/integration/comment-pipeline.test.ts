import { spawn } from "node:child_process";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { issueFormToken } from "@/lib/comments/form-token";
import { submitComment, type Submission } from "@/lib/data/comments/comment-submission";
import { getCommentSettings, updateCommentSettings } from "@/lib/data/site/settings";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { DEFAULT_COMMENT_SETTINGS } from "@/lib/validation/settings";
import { commentSubmission } from "../helpers/comment-submission";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

let articleId: number;

const submission = (overrides: Partial<Submission> = {}) => commentSubmission(articleId, overrides);

async function expectRefused(result: Awaited<ReturnType<typeof submitComment>>, status: number, code: string | RegExp) {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.refusal.status).toBe(status);
    expect(result.refusal.code).toMatch(code);
  }
}

async function expectStored(result: Awaited<ReturnType<typeof submitComment>>) {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return db.comment.findUniqueOrThrow({ where: { id: result.ok ? result.id : 0 } });
}

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

describe("settings", () => {
  it("default to holding every comment, two links, 15 s flood interval, 3 s on the form and five levels", async () => {
    expect(await getCommentSettings()).toEqual(DEFAULT_COMMENT_SETTINGS);
    expect(DEFAULT_COMMENT_SETTINGS).toMatchObject({
      moderationMode: "HOLD_ALL",
      requireEmailConfirmation: false,
      linkHoldThreshold: 2,
      floodIntervalSeconds: 15,
      attemptsPerMinute: 30,
      minFormSeconds: 3,
      maxThreadDepth: 5,
      autoCloseDays: null,
    });
  });

  it("are stored in the database, validated, and match the database defaults", async () => {
    await updateCommentSettings({ moderationMode: "PUBLISH" });
    expect((await getCommentSettings()).moderationMode).toBe("PUBLISH");
    await expect(updateCommentSettings({ floodIntervalSeconds: -1 })).rejects.toThrow();
    await db.siteSettings.deleteMany();
    await db.siteSettings.create({ data: { id: 1 } });
    expect(await getCommentSettings()).toEqual(DEFAULT_COMMENT_SETTINGS);
  });
});

describe("the moderation pipeline", () => {
  it("holds every comment by default and says why", async () => {
    const row = await expectStored(await submitComment(submission()));
    expect(row).toMatchObject({ status: "PENDING", heldReasons: ["moderation_mode_hold_all"], depth: 0 });
  });

  it("counts floods per email address without writing the address into the counters", async () => {
    const first = submission();
    await expectStored(await submitComment(first));
    // The same address from another client is still held back by the flood interval.
    await expectRefused(await submitComment(submission({ email: first.email, clientHash: "another-client" })), 429, "flood");
    // The attempts were counted, under keyed hashes only.
    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    const local = first.email.split("@")[0]!;
    expect(keys.filter((key) => key.includes("@") || key.includes(local) || key.includes(first.clientHash))).toEqual([]);
  });

  it("publishes at once in publish mode when nothing else holds it", async () => {
    await updateCommentSettings({ moderationMode: "PUBLISH" });
    expect(await expectStored(await submitComment(submission()))).toMatchObject({ status: "APPROVED", heldReasons: [] });
  });

  it("holds first-time commenters, and without confirmed addresses treats everyone as first-time", async () => {
    await updateCommentSettings({ moderationMode: "HOLD_FIRST_TIME", floodIntervalSeconds: 0 });
    const first = await expectStored(await submitComment(submission({ email: "regular@example.com" })));
    expect(first).toMatchObject({ status: "PENDING", heldReasons: ["first_time_commenter"] });
    await db.comment.update({ where: { id: first.id }, data: { status: "APPROVED", confirmedAt: new Date() } });
    // Anyone could type this address: an answer of "published" would also tell them it is a regular's.
    const second = await expectStored(await submitComment(submission({ email: "regular@example.com", body: "Another thought." })));
    expect(second).toMatchObject({ status: "PENDING", heldReasons: ["first_time_commenter"] });
  });

  it("trusts a previous approval only if it was confirmed, when the site asks for confirmation", async () => {
    await updateCommentSettings({ moderationMode: "HOLD_FIRST_TIME", requireEmailConfirmation: true, floodIntervalSeconds: 0 });
    await db.comment.create({ data: { articleId, authorName: "R", authorEmail: "r@example.com", body: "old", status: "APPROVED" } });
    const unconfirmedHistory = await expectStored(await submitComment(submission({ email: "r@example.com" })));
    expect(unconfirmedHistory).toMatchObject({ status: "UNCONFIRMED", heldReasons: ["first_time_commenter"] });
    await db.comment.updateMany({ where: { authorEmail: "r@example.com", status: "APPROVED" }, data: { confirmedAt: new Date() } });
    const trusted = await expectStored(await submitComment(submission({ email: "r@example.com", body: "newer" })));
    expect(trusted).toMatchObject({ status: "UNCONFIRMED", heldReasons: [] });
  });

  it("refuses comments on articles closed by hand or by age, and accepts them while open", async () => {
    const closed = await createArticle({ commentsOpen: false });
    await expectRefused(await submitComment(submission({ articleId: closed.id })), 403, "comments_closed");
    const old = await createArticle({ publishedAt: new Date(Date.now() - 10 * 86_400_000) });
    await updateCommentSettings({ autoCloseDays: 7 });
    await expectRefused(await submitComment(submission({ articleId: old.id })), 403, "comments_closed");
    await updateCommentSettings({ autoCloseDays: 30 });
    await expectStored(await submitComment(submission({ articleId: old.id })));
    const draft = await createArticle({ status: "DRAFT" });
    await expectRefused(await submitComment(submission({ articleId: draft.id })), 403, "comments_closed");
  });

  it("refuses a filled honeypot and stores nothing", async () => {
    await expectRefused(await submitComment(submission({ honeypot: "Acme Corp" })), 400, "honeypot");
    expect(await db.comment.count()).toBe(0);
  });

  it("refuses a form sent back faster than a person types, and accepts one that took its time", async () => {
    const quick = issueFormToken(articleId);
    await expectRefused(await submitComment(submission({ formToken: quick })), 400, "form_token_too_fast");
    const patient = issueFormToken(articleId, Date.now() - 5000);
    await expectStored(await submitComment(submission({ formToken: patient })));
    await expectRefused(await submitComment(submission({ formToken: `${patient}x` })), 400, "form_token_invalid");
    const stale = issueFormToken(articleId, Date.now() - 2 * 86_400_000);
    await expectRefused(await submitComment(submission({ formToken: stale })), 400, "form_token_expired");
  });

  it("keeps staff names and reserved names for staff", async () => {
    await upsertStaffUser(db, { email: "ed@example.com", name: "Edith Marsh", password: "a-long-password-9" });
    await expectRefused(await submitComment(submission({ name: "edith  MARSH" })), 400, "reserved_name");
    await expectRefused(await submitComment(submission({ name: "The Moderator" })), 400, "reserved_name");
    await expectRefused(await submitComment(submission({ name: "\u0410dmin" })), 400, "reserved_name");
    // A Greek capital Mu, and a staff name with a Greek capital Eta and Alpha.
    await expectRefused(await submitComment(submission({ name: "\u039Coderator" })), 400, "reserved_name");
    await expectRefused(await submitComment(submission({ name: "Edit\u0397 M\u0391rsh" })), 400, "reserved_name");
    await expectStored(await submitComment(submission({ name: "Edith Marshall" })));
    // Reserved words count only as whole words: real names that contain them are fine.
    for (const name of ["Jane Stafford", "Badminton Fan", "Editorial Reader"]) {
      await expectStored(await submitComment(submission({ name })));
    }
  });

  it("refuses or holds blocked emails, domains and clients while the block lasts", async () => {
    await db.block.createMany({
      data: [
        { kind: "EMAIL", value: "troll@example.com", mode: "REFUSE" },
        { kind: "DOMAIN", value: "spam.example", mode: "HOLD" },
        { kind: "CLIENT", value: "client-bad", mode: "REFUSE" },
        { kind: "EMAIL", value: "forgiven@example.com", mode: "REFUSE", expiresAt: new Date(Date.now() - 1000) },
      ],
    });
    await expectRefused(await submitComment(submission({ email: "troll@example.com" })), 403, "blocked");
    await expectRefused(await submitComment(submission({ clientHash: "client-bad" })), 403, "blocked");
    const held = await expectStored(await submitComment(submission({ email: "someone@spam.example" })));
    expect(held.heldReasons).toContain("blocked_domain");
    await expectStored(await submitComment(submission({ email: "forgiven@example.com" })));
  });

  it("answers a client's flood of attempts, refused ones included, with 429", async () => {
    await updateCommentSettings({ floodIntervalSeconds: 0 });
    const results = [];
    for (let attempt = 0; attempt < 31; attempt += 1) results.push(await submitComment(submission({ clientHash: "client-noisy", honeypot: "bot" })));
    expect(results.slice(0, 30).every((result) => !result.ok && result.refusal.code === "honeypot")).toBe(true);
    await expectRefused(results[30]!, 429, "attempts");
  });

  it("allows one comment per flood interval per client and per email, answering 429 with the wait", async () => {
    await expectStored(await submitComment(submission({ clientHash: "client-fast", email: "fast@example.com" })));
    const sameClient = await submitComment(submission({ clientHash: "client-fast" }));
    await expectRefused(sameClient, 429, "flood");
    expect(!sameClient.ok && sameClient.refusal.retryAfterSeconds).toBeGreaterThan(0);
    await expectRefused(await submitComment(submission({ email: "fast@example.com" })), 429, "flood");
    await expectStored(await submitComment(submission()));
    await updateCommentSettings({ floodIntervalSeconds: 0 });
    await expectStored(await submitComment(submission({ clientHash: "client-fast" })));
  });

  it("lets one of two comments sent at the same moment by one sender through the flood interval", async () => {
    const sender = { clientHash: "client-twin", email: "twin@example.com" };
    const results = await Promise.all([
      submitComment(submission({ ...sender, body: "First of two." })),
      submitComment(submission({ ...sender, body: "Second of two." })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.refusal.code === "flood")).toHaveLength(1);
    expect(await db.comment.count({ where: { authorEmail: "twin@example.com" } })).toBe(1);
  });

  it("refuses a sender's exact duplicate with 409, but tells nobody else who wrote what", async () => {
    await updateCommentSettings({ floodIntervalSeconds: 0 });
    const first = submission({ email: "dup@example.com", body: "Exactly this." });
    await expectStored(await submitComment(first));
    await expectRefused(await submitComment({ ...first, formToken: issueFormToken(articleId, Date.now() - 5000) }), 409, "duplicate");
    // Someone else guessing the author's address gets the answer any new comment gets.
    const guess = await expectStored(await submitComment({ ...submission(), email: "dup@example.com", body: "Exactly this." }));
    expect(guess.status).toBe("PENDING");
    const other = await createArticle();
    await expectStored(await submitComment(submission({ articleId: other.id, email: "dup@example.com", body: "Exactly this." })));
  });

  it("holds comments sent without a form token, even in publish mode", async () => {
    await updateCommentSettings({ moderationMode: "PUBLISH" });
    expect(await expectStored(await submitComment(submission({ formToken: null })))).toMatchObject({ status: "PENDING", heldReasons: ["no_form_token"] });
  });

  it("refuses words on the refuse list and holds words on the hold list, per field and on word boundaries", async () => {
    await updateCommentSettings({ moderationMode: "PUBLISH", refuseWords: ["slur"], holdWords: ["casino", "ass"] });
    const refused = await submitComment(submission({ name: "Sl ur fan", body: "This is a SLUR." }));
    await expectRefused(refused, 400, "refuse_word:body");
    const held = await expectStored(await submitComment(submission({ website: "https://ｃａｓｉｎｏ.example.com" })));
    expect(held).toMatchObject({ status: "PENDING", heldReasons: ["hold_word:website:casino"] });
    expect(await expectStored(await submitComment(submission({ body: "A classic, bypassing nothing." })))).toMatchObject({ status: "APPROVED" });
  });

  it("holds comments with too many links", async () => {
    await updateCommentSettings({ moderationMode: "PUBLISH", linkHoldThreshold: 2 });
    const held = await expectStored(await submitComment(submission({ body: "See https://a.example and www.b.example" })));
    expect(held).toMatchObject({ status: "PENDING", heldReasons: ["too_many_links"] });
    expect(await expectStored(await submitComment(submission({ body: "Only https://a.example" })))).toMatchObject({ status: "APPROVED" });
  });

  it("keeps a comment unconfirmed when the site asks commenters to confirm their email", async () => {
    await updateCommentSettings({ requireEmailConfirmation: true, floodIntervalSeconds: 0 });
    const first = submission();
    const stored = await expectStored(await submitComment(first));
    expect(stored).toMatchObject({ status: "UNCONFIRMED", heldReasons: ["moderation_mode_hold_all"] });
    // Posting it again (the confirmation mail went missing) answers with the same comment, to mail the link again.
    const again = { ...first, formToken: issueFormToken(articleId, Date.now() - 5000) };
    expect(await submitComment(again)).toMatchObject({ ok: true, id: stored.id, status: "UNCONFIRMED", replayed: false });
    expect(await db.comment.count()).toBe(1);
    // Another client sending the same address and words is never answered with that comment: theirs is their own.
    const stranger = await submitComment({ ...again, name: "Mallory", clientHash: "someone-else", formToken: issueFormToken(articleId, Date.now() - 5000) });
    expect(stranger).toMatchObject({ ok: true, status: "UNCONFIRMED", replayed: false });
    expect(stranger.ok && stranger.id).not.toBe(stored.id);
    expect(await db.comment.count()).toBe(2);
  });
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

describe("threads", () => {
  it("accept replies to approved comments of the same article only, with one answer for every other parent", async () => {
    const approved = await db.comment.create({ data: { articleId, authorName: "A", authorEmail: "a@example.com", body: "x", status: "APPROVED" } });
    const pending = await db.comment.create({ data: { articleId, authorName: "B", authorEmail: "b@example.com", body: "y" } });
    const other = await createArticle();
    const foreign = await db.comment.create({ data: { articleId: other.id, authorName: "C", authorEmail: "c@example.com", body: "z", status: "APPROVED" } });
    expect(await expectStored(await submitComment(submission({ parentId: approved.id })))).toMatchObject({ parentId: approved.id, depth: 1 });
    for (const parentId of [pending.id, foreign.id, 2_000_000_000]) {
      const result = await submitComment(submission({ parentId }));
      expect(result).toEqual({
        ok: false,
        refusal: expect.objectContaining({ code: "parent_unavailable", message: "The comment you are replying to is not available" }),
      });
    }
  });

  it("keep the comment a reply answers as its parent, however deep", async () => {
    await updateCommentSettings({ moderationMode: "PUBLISH" });
    const top = await expectStored(await submitComment(submission()));
    const reply = await expectStored(await submitComment(submission({ parentId: top.id })));
    const deeper = await expectStored(await submitComment(submission({ parentId: reply.id })));
    expect(reply).toMatchObject({ parentId: top.id, depth: 1 });
    expect(deeper).toMatchObject({ parentId: reply.id, depth: 2 });
  });
});
