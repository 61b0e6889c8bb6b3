import { beforeEach, describe, expect, it } from "vitest";
import { issueFormToken } from "@/lib/comments/form-token";
import { submitComment, type Submission } from "@/lib/data/comments/comment-submission";
import { getCommentSettings, updateCommentSettings } from "@/lib/data/site/settings";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { DEFAULT_COMMENT_SETTINGS } from "@/lib/validation/settings";
import { commentSubmission, expectRefused, expectStored } from "../helpers/comment-submission";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

let articleId: number;

const submission = (overrides: Partial<Submission> = {}) => commentSubmission(articleId, overrides);

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

  it("applies changed settings to the very next comment (they are checked once per change, not per comment)", async () => {
    await updateCommentSettings({ moderationMode: "PUBLISH", holdWords: ["casino"] });
    expect(await expectStored(await submitComment(submission({ body: "A casino opened." })))).toMatchObject({ heldReasons: ["hold_word:body:casino"] });
    await updateCommentSettings({ moderationMode: "PUBLISH", holdWords: ["lottery"] });
    expect(await expectStored(await submitComment(submission({ body: "Another casino opened." })))).toMatchObject({ status: "APPROVED" });
    expect(await expectStored(await submitComment(submission({ body: "The lottery is closed." })))).toMatchObject({ heldReasons: ["hold_word:body:lottery"] });
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
