import { beforeEach, describe, expect, it } from "vitest";
import { listApprovedComments } from "@/lib/data/comments/comments";
import { applyRetention, readRetentionPeriods } from "@/lib/data/site/retention";
import { updateCommentSettings } from "@/lib/data/site/settings";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { runRetention } from "@/lib/jobs/retention";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

const DAY = 86_400_000;
const START = new Date("2027-03-01T12:00:00Z");
const later = (days: number, ms = 0) => new Date(START.getTime() + days * DAY + ms);
let articleId: number;

beforeEach(async () => {
  await resetDatabase();
  articleId = (await createArticle()).id;
});

async function comment(status: CommentStatus, data: { createdAt?: Date; statusChangedAt?: Date | null; parentId?: number; clientHash?: string | null } = {}) {
  const createdAt = data.createdAt ?? START;
  return db.comment.create({
    data: {
      articleId,
      authorName: `A ${status.toLowerCase()} commenter`,
      authorEmail: `${status.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.com`,
      body: `A ${status} comment`,
      status,
      clientHash: data.clientHash === undefined ? "client-hash-of-the-sender" : data.clientHash,
      createdAt,
      statusChangedAt: data.statusChangedAt === undefined ? (status === "UNCONFIRMED" ? null : createdAt) : data.statusChangedAt,
      parentId: data.parentId ?? null,
    },
  });
}

const rows = async () => await db.comment.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, clientHash: true, parentId: true } });

describe("the retention job", () => {
  it("uses the settings' periods, 30, 90 and 7 days by default", async () => {
    expect(await readRetentionPeriods(db)).toEqual({ fingerprintRetentionDays: 30, rejectedRetentionDays: 90, unconfirmedRetentionDays: 7 });
  });

  it("clears client fingerprints only once they are older than the period", async () => {
    const old = await comment("APPROVED");
    const recent = await comment("PENDING", { createdAt: later(10) });
    const periods = await readRetentionPeriods(db);

    expect(await applyRetention(db, periods, later(30))).toMatchObject({ fingerprintsCleared: 0 });
    expect((await rows()).map((row) => row.clientHash)).toEqual(["client-hash-of-the-sender", "client-hash-of-the-sender"]);

    expect(await applyRetention(db, periods, later(30, 1))).toMatchObject({ fingerprintsCleared: 1 });
    expect(await rows()).toEqual([
      { id: old.id, status: "APPROVED", clientHash: null, parentId: null },
      { id: recent.id, status: "PENDING", clientHash: "client-hash-of-the-sender", parentId: null },
    ]);
    // A second run at the same moment finds nothing left to do.
    expect(await applyRetention(db, periods, later(30, 1))).toMatchObject({ fingerprintsCleared: 0, rejectedPurged: 0 });
  });

  it("forgets which reader sent a report once the report is older than the fingerprint period", async () => {
    const reported = await comment("APPROVED", { clientHash: null });
    const old = await db.commentReport.create({ data: { commentId: reported.id, reporterHash: "reader-a", reason: "SPAM", createdAt: START } });
    const recent = await db.commentReport.create({ data: { commentId: reported.id, reporterHash: "reader-b", reason: "ABUSIVE", createdAt: later(10) } });
    const periods = await readRetentionPeriods(db);
    const hashes = async () => (await db.commentReport.findMany({ orderBy: { id: "asc" } })).map((row) => row.reporterHash);

    expect(await applyRetention(db, periods, later(30))).toMatchObject({ reportFingerprintsCleared: 0 });
    expect(await applyRetention(db, periods, later(30, 1))).toMatchObject({ reportFingerprintsCleared: 1 });
    expect(await hashes()).toEqual([`expired:${old.id}`, "reader-b"]);
    expect(await applyRetention(db, periods, later(41))).toMatchObject({ reportFingerprintsCleared: 1 });
    expect(await hashes()).toEqual([`expired:${old.id}`, `expired:${recent.id}`]);
    expect(await applyRetention(db, periods, later(41))).toMatchObject({ reportFingerprintsCleared: 0 });
  });

  it("deletes rejected and spam comments 90 days after the decision, and nothing else", async () => {
    const approved = await comment("APPROVED");
    const pending = await comment("PENDING");
    const trash = await comment("TRASH");
    const rejected = await comment("REJECTED");
    const spam = await comment("SPAM", { statusChangedAt: later(20) });
    const periods = await readRetentionPeriods(db);

    expect(await applyRetention(db, periods, later(90))).toMatchObject({ rejectedPurged: 0 });
    expect((await rows()).map((row) => row.id)).toEqual([approved.id, pending.id, trash.id, rejected.id, spam.id]);

    expect(await applyRetention(db, periods, later(90, 1))).toMatchObject({ rejectedPurged: 1 });
    expect((await rows()).map((row) => row.id)).toEqual([approved.id, pending.id, trash.id, spam.id]);

    // Spam marked on day 20 is kept until day 110.
    expect(await applyRetention(db, periods, later(110, 1))).toMatchObject({ rejectedPurged: 1 });
    expect((await rows()).map((row) => row.id)).toEqual([approved.id, pending.id, trash.id]);
  });

  it("keeps the approved replies of a purged comment where readers see them, at the top of the thread", async () => {
    const root = await comment("APPROVED");
    const rejected = await comment("REJECTED", { parentId: root.id });
    const reply = await comment("APPROVED", { parentId: rejected.id, createdAt: later(1) });
    const before = (await listApprovedComments(articleId)).map((row) => row.id);
    expect(before).toEqual([root.id, reply.id]);

    expect(await applyRetention(db, await readRetentionPeriods(db), later(91))).toMatchObject({ rejectedPurged: 1 });
    expect(await db.comment.findUnique({ where: { id: rejected.id } })).toBeNull();
    expect(await db.comment.findUniqueOrThrow({ where: { id: reply.id }, select: { status: true, parentId: true, body: true } })).toEqual({
      status: "APPROVED",
      parentId: null,
      body: "A APPROVED comment",
    });
    expect((await listApprovedComments(articleId)).map((row) => row.id)).toEqual(before);
  });

  it("deletes comments never confirmed after 7 days, and keeps confirmed ones", async () => {
    await comment("UNCONFIRMED");
    const younger = await comment("UNCONFIRMED", { createdAt: later(3) });
    const confirmed = await db.comment.update({ where: { id: (await comment("PENDING")).id }, data: { confirmedAt: later(1) } });
    const periods = await readRetentionPeriods(db);

    expect(await applyRetention(db, periods, later(7))).toMatchObject({ unconfirmedPurged: 0 });
    expect(await applyRetention(db, periods, later(7, 1))).toMatchObject({ unconfirmedPurged: 1 });
    expect((await rows()).map((row) => row.id)).toEqual([younger.id, confirmed.id]);
  });

  it("follows changed settings, drops expired rate-limit counters and spent links, and logs counts without addresses", async () => {
    await updateCommentSettings({ fingerprintRetentionDays: 2, rejectedRetentionDays: 5, unconfirmedRetentionDays: 3 });
    const email = "never-in-a-log@example.com";
    await db.comment.create({
      data: { articleId, authorName: "Kim", authorEmail: email, body: "Spam", status: "SPAM", clientHash: "h", createdAt: START, statusChangedAt: START },
    });
    await comment("UNCONFIRMED");
    await comment("APPROVED");
    await db.rateLimit.createMany({
      data: [
        { key: `confirmation-mail:${email}`, points: 1, expire: BigInt(later(1).getTime()) },
        { key: "comment-client:h", points: 1, expire: BigInt(later(10).getTime()) },
      ],
    });
    await db.spentLink.createMany({
      data: [
        { tokenHash: "old", expiresAt: later(1) },
        { tokenHash: "new", expiresAt: later(10) },
      ],
    });

    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => void lines.push(line);
    let report;
    try {
      report = await runRetention(later(5, 1));
    } finally {
      console.log = log;
    }
    expect(report).toEqual({
      fingerprintsCleared: 1,
      reportFingerprintsCleared: 0,
      rejectedPurged: 1,
      unconfirmedPurged: 1,
      rateLimitsPurged: 1,
      spentLinksPurged: 1,
    });
    expect(await db.comment.count()).toBe(1);
    expect((await db.rateLimit.findMany()).map((row) => row.key)).toEqual(["comment-client:h"]);
    expect((await db.spentLink.findMany()).map((row) => row.tokenHash)).toEqual(["new"]);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ job: "retention", rejectedPurged: 1, unconfirmedPurged: 1 });
    expect(lines[0]).not.toContain("@");
  });
});
