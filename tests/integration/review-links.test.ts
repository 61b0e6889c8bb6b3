import { beforeEach, describe, expect, it } from "vitest";
import { checkReviewLink, spendReviewLink } from "@/lib/data/moderation/review-links";
import { endStaffSessions } from "@/lib/data/staff/staff";
import { signReviewToken, type ReviewAction } from "@/lib/moderation/review-link-token";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { createArticle, createModerator, db, resetDatabase } from "../helpers/integration-db";

const SECRET = process.env.NEXTAUTH_SECRET!;
let staffId: number;
let commentId: number;

beforeEach(async () => {
  await resetDatabase();
  staffId = await createModerator();
  const article = await createArticle();
  commentId = (await db.comment.create({ data: { articleId: article.id, authorName: "Ray", authorEmail: "ray@example.com", body: "Held" } })).id;
});

function token(action: ReviewAction = "approve", overrides: { expiresAtMs?: number; linkVersion?: number; commentId?: number } = {}) {
  return signReviewToken({ commentId, staffId, linkVersion: 0, action, expiresAtMs: Date.now() + 60_000, ...overrides }, SECRET);
}

const status = async () => (await db.comment.findUniqueOrThrow({ where: { id: commentId } })).status;

describe("review links from moderators' email", () => {
  it("change nothing when checked (opened), and decide once when spent, even spent twice at the same moment", async () => {
    const link = token("approve");
    expect(await checkReviewLink(link)).toMatchObject({ ok: true, link: { commentId, action: "approve" } });
    expect(await status()).toBe("PENDING");
    const outcomes = await Promise.all([spendReviewLink(link, null), spendReviewLink(link, null)]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ message: expect.stringContaining("already been used") });
    expect(await status()).toBe("APPROVED");
    expect(await db.moderationAction.findMany({ where: { commentId } })).toEqual([expect.objectContaining({ staffUserId: staffId, action: "approve" })]);
    expect(await checkReviewLink(link)).toMatchObject({ ok: false, message: expect.stringContaining("already been used") });
  });

  it("keep a rejection's reason, and say so when another moderator got there first", async () => {
    expect(await spendReviewLink(token("reject"), "Off topic.")).toMatchObject({ ok: true, result: { ok: true, to: "REJECTED" } });
    expect(await db.comment.findUniqueOrThrow({ where: { id: commentId } })).toMatchObject({ status: "REJECTED", statusReason: "Off topic." });
    expect(await spendReviewLink(token("spam"), null)).toMatchObject({ ok: true, result: { ok: false, error: "conflict" } });
    expect(await status()).toBe("REJECTED");
  });

  it("refuse expired, forged, mismatched and signed-out links", async () => {
    const refused = [
      token("approve", { expiresAtMs: Date.now() - 1000 }),
      token("approve").replace(/.$/, (last) => (last === "A" ? "B" : "A")),
      token("approve", { linkVersion: 1 }),
      signReviewToken({ commentId, staffId, linkVersion: 0, action: "approve", expiresAtMs: Date.now() + 60_000 }, "another-secret-of-sufficient-length"),
      "1.1.1.0.zzzzzz.signature",
      ["x".repeat(300)],
    ];
    for (const link of refused) expect((await spendReviewLink(link, null)).ok).toBe(false);
    expect(await status()).toBe("PENDING");
    expect(await db.spentLink.count()).toBe(0);
  });

  it("survive an ordinary sign-out but not a password reset", async () => {
    const valid = token("approve");
    await endStaffSessions(staffId);
    expect((await checkReviewLink(valid)).ok).toBe(true);
    await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password: "a-new-long-password-2" });
    expect(await spendReviewLink(valid, null)).toMatchObject({ ok: false, message: expect.stringContaining("not valid") });
    expect(await status()).toBe("PENDING");
  });

  it("mark the decision in the audit as taken from an emailed link", async () => {
    await spendReviewLink(token("spam"), null);
    const [action] = await db.moderationAction.findMany({ where: { commentId } });
    expect(action?.batchId).toMatch(/^email-link:/);
  });

  it("stop working when the staff member is deactivated", async () => {
    const link = token("approve");
    await db.staffUser.update({ where: { id: staffId }, data: { active: false } });
    expect((await spendReviewLink(link, null)).ok).toBe(false);
    expect(await status()).toBe("PENDING");
  });
});
