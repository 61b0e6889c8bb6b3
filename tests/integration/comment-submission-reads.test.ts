import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { issueFormToken } from "@/lib/comments/form-token";
import { FACTS_STATEMENT } from "@/lib/data/comments/comment-facts";
import { submitComment, type Submission } from "@/lib/data/comments/comment-submission";
import { updateCommentSettings } from "@/lib/data/site/settings";
import { getPool } from "@/lib/db";
import { consumeRateLimit } from "@/lib/rate-limit";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { commentSubmission, expectRefused, expectStored } from "../helpers/comment-submission";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

// The submission path reads everything it needs (settings included) in one statement, and reads nothing after its
// answer unless a mail may follow: these check that what it reads at once is what it would have read one by one.

let articleId: number;

beforeEach(async () => {
  await resetDatabase();
  articleId = (await createArticle()).id;
});

const submission = (overrides: Partial<Submission> = {}) => commentSubmission(articleId, overrides);

// The facts statement sent with a comment to store when its facts hold ($15, the predicted comment).
function isPredictedFactsStatement(query: unknown): boolean {
  const { name, values } = query as { name?: string; values?: unknown[] };
  return name === FACTS_STATEMENT.name && values?.[14] != null;
}

async function moderatorWhoWants(moderatorMail: "OFF" | "IMMEDIATE" | "HOURLY", role: "MODERATOR" | "WRITER" = "MODERATOR") {
  const staff = await upsertStaffUser(db, { email: `${randomUUID().slice(0, 8)}@example.com`, name: "Staff Member", password: "a-long-password-7", role });
  await db.staffUser.update({ where: { id: staff.id }, data: { moderatorMail } });
  return staff;
}

describe("a submission's reads", () => {
  it("say a held comment has mail to follow only when a moderator wants a mail per held comment", async () => {
    await moderatorWhoWants("HOURLY");
    await moderatorWhoWants("IMMEDIATE", "WRITER");
    expect(await submitComment(submission())).toMatchObject({ ok: true, status: "PENDING", hasMailToSend: false });

    const immediate = await moderatorWhoWants("IMMEDIATE");
    expect(await submitComment(submission())).toMatchObject({ ok: true, status: "PENDING", hasMailToSend: true });

    await db.staffUser.update({ where: { id: immediate.id }, data: { active: false } });
    expect(await submitComment(submission())).toMatchObject({ ok: true, status: "PENDING", hasMailToSend: false });
  });

  it("always have mail to follow when the commenter must confirm their address", async () => {
    await updateCommentSettings({ requireEmailConfirmation: true });
    expect(await submitComment(submission())).toMatchObject({ ok: true, status: "UNCONFIRMED", hasMailToSend: true });
  });

  it("see a settings change at once, and the defaults before any settings were saved", async () => {
    await db.siteSettings.deleteMany();
    const tooSoon = submission({ formToken: issueFormToken(articleId, Date.now() - 1000) });
    expect(await submitComment(tooSoon)).toMatchObject({ ok: false, refusal: { code: "form_token_too_fast" } });

    await updateCommentSettings({ minFormSeconds: 0, moderationMode: "PUBLISH" });
    const quick = submission({ formToken: issueFormToken(articleId, Date.now() - 1000) });
    expect(await submitComment(quick)).toMatchObject({ ok: true, status: "APPROVED" });
  });

  it("find a sender's repeat among many comments from the same client", async () => {
    const clientHash = "busy-office";
    await db.comment.createMany({
      data: Array.from({ length: 300 }, (_, index) => ({
        articleId,
        authorName: "Colleague",
        authorEmail: `colleague-${index}@example.com`,
        body: `Comment ${index}`,
        clientHash,
      })),
    });
    await updateCommentSettings({ floodIntervalSeconds: 0 });
    const first = submission({ clientHash });
    expect(await submitComment(first)).toMatchObject({ ok: true, replayed: false });
    const again = { ...first, formToken: issueFormToken(articleId, Date.now() - 5000) };
    expect(await submitComment(again)).toMatchObject({ ok: false, refusal: { status: 409, code: "duplicate" } });
  });

  it("count attempts in the rate limiter's own counter, so both count alike", async () => {
    const clientHash = "counted-client";
    await submitComment(submission({ clientHash }));
    await submitComment(submission({ clientHash, name: "" }));
    // Two taken by the submissions: a limit of three lets one more through, then refuses.
    expect(await consumeRateLimit("comment-attempts", [clientHash], 3, 60)).toBe(0);
    expect(await consumeRateLimit("comment-attempts", [clientHash], 3, 60)).toBeGreaterThan(0);
    expect(await consumeRateLimit("comment-attempts", ["another-client"], 3, 60)).toBe(0);
  });

  it("count a repeat of a stored comment as no new attempt", async () => {
    const clientHash = "retrying-client";
    const form = submission({ clientHash });
    expect(await submitComment(form)).toMatchObject({ ok: true, replayed: false });
    for (let retry = 0; retry < 3; retry += 1) expect(await submitComment(form)).toMatchObject({ ok: true, replayed: true });
    // One taken by the first submission: a limit of two lets one more through, then refuses.
    expect(await consumeRateLimit("comment-attempts", [clientHash], 2, 60)).toBe(0);
    expect(await consumeRateLimit("comment-attempts", [clientHash], 2, 60)).toBeGreaterThan(0);
  });

  it("hold a comment sent with an empty token as sent without one", async () => {
    const result = await submitComment(submission({ formToken: "" }));
    expect(result).toMatchObject({ ok: true, status: "PENDING" });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.ok ? result.id : 0 } });
    expect(stored.heldReasons).toContain("no_form_token");
  });
});

describe("a usual comment", () => {
  // Statements the submission path sends to the database itself (Prisma is not used on it).
  const statements = vi.spyOn(getPool(), "query");
  afterEach(() => statements.mockClear());

  async function submitCounting(form: Submission) {
    statements.mockClear();
    const result = await submitComment(form);
    return { result, statements: statements.mock.calls.length };
  }

  // The first submission reads the settings and the article; the ones after it are predicted on them.
  async function seenOnce() {
    await expectStored(await submitComment(submission()));
  }

  it("is stored by the statement that reads its facts, once the settings and the article were read", async () => {
    // Published at a time with microseconds, as the database keeps it (a JavaScript date has milliseconds only).
    await db.$executeRaw`UPDATE "Article" SET "publishedAt" = "publishedAt" - interval '1.234567 seconds' WHERE id = ${articleId}`;
    const first = await submitCounting(submission());
    expect(first.statements).toBe(2);
    const next = await submitCounting(submission());
    expect(next.statements).toBe(1);
    const stored = await expectStored(next.result);
    expect(stored).toMatchObject({ status: "PENDING", depth: 0, heldReasons: ["moderation_mode_hold_all"] });
    expect(await db.comment.count()).toBe(2);
  });

  it("is judged on the facts read, not the ones predicted, when a sender's differ", async () => {
    await seenOnce();
    const blocked = submission();
    await db.block.create({ data: { kind: "EMAIL", value: blocked.email, mode: "HOLD" } });
    const held = await submitCounting(blocked);
    expect(held.statements).toBe(2);
    expect((await expectStored(held.result)).heldReasons).toContain("blocked_email");

    const again = await submitCounting({ ...blocked, formToken: issueFormToken(articleId, Date.now() - 5000) });
    expectRefused(again.result, 409, "duplicate");
    expect(await db.comment.count({ where: { authorEmail: blocked.email } })).toBe(1);

    await updateCommentSettings({ attemptsPerMinute: 1, floodIntervalSeconds: 0 });
    await seenOnce();
    const clientHash = "eager-client";
    await expectStored(await submitComment(submission({ clientHash })));
    expectRefused((await submitCounting(submission({ clientHash }))).result, 429, "attempts");
    expect(await db.comment.count({ where: { clientHash } })).toBe(1);
  });

  it("is judged on the settings, article and staff as they are now, not as last read", async () => {
    await seenOnce();
    await updateCommentSettings({ moderationMode: "PUBLISH" });
    expect((await expectStored(await submitComment(submission()))).status).toBe("APPROVED");

    await upsertStaffUser(db, { email: "desk@example.com", name: "Rita Desk", password: "a-long-password-7", role: "MODERATOR" });
    const posing = submission({ name: "Rita Desk" });
    expectRefused(await submitComment(posing), 400, "reserved_name");

    await db.article.update({ where: { id: articleId }, data: { commentsOpen: false } });
    const closed = submission();
    expectRefused(await submitComment(closed), 403, "comments_closed");
    expect(await db.comment.count({ where: { authorEmail: { in: [posing.email, closed.email] } } })).toBe(0);
  });

  it("is stored once when copies of one form, each stored with its facts, arrive at the same moment", async () => {
    // With a flood interval the copies take turns in store_comment and the later ones find the first stored; without
    // one they meet at the unique idempotency key. Either way every copy is answered with the one comment.
    for (const floodIntervalSeconds of [15, 0]) {
      await updateCommentSettings({ floodIntervalSeconds });
      await seenOnce();
      const form = submission();
      statements.mockClear();
      const results = await Promise.all([form, form, form].map((copy) => submitComment(copy)));
      const predicted = statements.mock.calls.filter(([query]) => isPredictedFactsStatement(query));
      expect(predicted).toHaveLength(3);
      const ids = new Set(results.map((result) => (result.ok ? result.id : null)));
      expect(ids.size, JSON.stringify(results)).toBe(1);
      expect(ids).not.toContain(null);
      expect(results.filter((result) => result.ok && !result.replayed)).toHaveLength(1);
      expect(await db.comment.count({ where: { authorEmail: form.email } })).toBe(1);
    }
  });

  it("answers a comment at its depth, and only an approved one of the same article", async () => {
    await seenOnce();
    const parent = await db.comment.create({
      data: { articleId, authorName: "A", authorEmail: "a@example.com", body: "First.", status: "APPROVED", depth: 1 },
    });
    const reply = await submitCounting(submission({ parentId: parent.id }));
    expect(reply.statements).toBe(1);
    expect(await expectStored(reply.result)).toMatchObject({ parentId: parent.id, depth: 2 });

    await db.comment.update({ where: { id: parent.id }, data: { status: "PENDING" } });
    const unavailable = submission({ parentId: parent.id });
    expectRefused(await submitComment(unavailable), 400, "parent_unavailable");
    expect(await db.comment.count({ where: { authorEmail: unavailable.email } })).toBe(0);
  });
});

describe("the facts statement's plan", () => {
  // A prepared statement is soon run with one plan for every post, made without the values: an article's comments
  // are then estimated as the average, and a story with thousands was read whole on every post. The site here has
  // 3,000 quiet articles, one crowded one and 300 regular commenters, each with comments on many articles.
  it("reads the sender's comments by address, not the article's, in the plan kept for every post", async () => {
    await db.$executeRaw`
      INSERT INTO "Article" (slug, headline, body, "sectionId", status, "publishedAt", "commentsOpen")
      SELECT 'quiet-' || n, headline, body, "sectionId", status, "publishedAt", "commentsOpen"
      FROM "Article", generate_series(1, 3000) AS n WHERE id = ${articleId}`;
    await db.$executeRaw`
      INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", body, status)
      SELECT id, 'Regular', 'regular' || (id % 300) || '@example.com', 'A comment.', 'APPROVED'
      FROM "Article", generate_series(1, 10) WHERE slug LIKE 'quiet-%'`;
    await db.$executeRaw`
      INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", body, status)
      SELECT ${articleId}, 'Regular', 'regular' || (n % 300) || '@example.com', 'A comment.', 'APPROVED'
      FROM generate_series(1, 20000) AS n`;
    await db.$executeRaw`ANALYZE "Comment"`;
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL plan_cache_mode = force_generic_plan`;
      await tx.$executeRawUnsafe(`PREPARE facts_plan AS ${FACTS_STATEMENT.text}`);
      const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN EXECUTE facts_plan(${articleId}, 'regular7@example.com', 'Words.', 'client', NULL, NULL, 'example.com', now(), ARRAY['MODERATOR'], 15, false, NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
      );
      await tx.$executeRawUnsafe(`DEALLOCATE facts_plan`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("Comment_authorEmail_createdAt_idx");
    expect(plan).not.toContain("Comment_articleId_status_createdAt_idx");
  });
});
