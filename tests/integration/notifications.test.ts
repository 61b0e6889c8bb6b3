import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { moderateComment, moderateComments, undoLastBatch } from "@/lib/data/moderation/moderation";
import { checkReviewLink } from "@/lib/data/moderation/review-links";
import { sendConfirmationMail, sendDueOutcomeNotices, sendOutcomeNotices } from "@/lib/mail/comment-mails";
import { notifyModeratorsOfWaitingComment, sendModeratorDigests } from "@/lib/mail/moderator-mails";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";
import { startSmtpSink, type ReceivedMail } from "../helpers/smtp-sink";

const inbox: ReceivedMail[] = [];
let stopSmtp: () => Promise<void>;

beforeAll(async () => {
  stopSmtp = await startSmtpSink(Number(new URL(process.env.SMTP_URL!).port), (mail) => void inbox.push(mail));
});
afterAll(() => stopSmtp());

beforeEach(async () => {
  await resetDatabase();
  inbox.length = 0;
});

async function comment(data: {
  articleId: number;
  email: string;
  name: string;
  parentId?: number;
  status?: "PENDING" | "APPROVED" | "UNCONFIRMED";
  notifyOnApproval?: boolean;
  notifyOnReply?: boolean;
}) {
  return db.comment.create({
    data: {
      articleId: data.articleId,
      parentId: data.parentId,
      authorEmail: data.email,
      authorName: data.name,
      body: `Words of ${data.name}`,
      status: data.status ?? "PENDING",
      notifyOnApproval: data.notifyOnApproval ?? false,
      notifyOnReply: data.notifyOnReply ?? false,
    },
  });
}

describe("comment emails through a real SMTP server", () => {
  it("tell the author and the replied-to commenter only once the reply is approved, never revealing addresses", async () => {
    const article = await createArticle();
    const staff = await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password: "a-long-password-7" });
    const parent = await comment({ articleId: article.id, email: "parent@example.com", name: "Pia Parent", status: "APPROVED", notifyOnReply: true });
    const reply = await comment({ articleId: article.id, email: "reply@example.com", name: "Rob Reply", parentId: parent.id, notifyOnApproval: true });

    await sendOutcomeNotices(reply.id);
    expect(inbox).toEqual([]);

    expect(await moderateComment({ staffUserId: staff.id, commentId: reply.id, action: "approve" })).toMatchObject({ ok: true });
    await sendOutcomeNotices(reply.id);
    expect(inbox.map((mail) => [mail.to, mail.subject])).toEqual([
      [["reply@example.com"], `Your comment on “A test headline” is published`],
      [["parent@example.com"], `Rob Reply replied to your comment on “A test headline”`],
    ]);
    const toParent = inbox[1]!;
    expect(toParent.text).not.toContain("reply@example.com");
    expect(toParent.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(toParent.headers["list-unsubscribe"]).toMatch(/\/api\/comments\/unsubscribe\?token=/);
    expect(inbox[0]!.text).not.toContain("parent@example.com");
  });

  it("send nothing to commenters who did not ask", async () => {
    const article = await createArticle();
    const quiet = await comment({ articleId: article.id, email: "quiet@example.com", name: "Quiet", status: "APPROVED" });
    await sendOutcomeNotices(quiet.id);
    expect(inbox).toEqual([]);
  });

  it("tell each outcome once, however often and from however many servers it is asked", async () => {
    const article = await createArticle();
    const staff = await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password: "a-long-password-7" });
    const mine = await comment({ articleId: article.id, email: "once@example.com", name: "Olive Once", notifyOnApproval: true });
    await moderateComment({ staffUserId: staff.id, commentId: mine.id, action: "approve" });
    await Promise.all([sendOutcomeNotices(mine.id), sendOutcomeNotices(mine.id), sendOutcomeNotices(mine.id)]);
    await sendOutcomeNotices(mine.id);
    expect(inbox.map((mail) => mail.subject)).toEqual([`Your comment on “A test headline” is published`]);
  });

  it("hold a moderator's decision until its hold passes, so that an undo within it sends nothing", async () => {
    const article = await createArticle();
    const staff = await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password: "a-long-password-7" });
    const mine = await comment({ articleId: article.id, email: "held@example.com", name: "Hal Held", notifyOnApproval: true });
    const item = (expectedStatus: "PENDING" | "APPROVED") => [{ commentId: mine.id, expectedStatus }];
    const holdPasses = () => db.comment.updateMany({ where: { id: mine.id, noticeDueAt: { not: null } }, data: { noticeDueAt: new Date(Date.now() - 1000) } });

    await moderateComments(staff.id, "approve", item("PENDING"));
    // Not due yet: nothing goes out.
    expect(await sendDueOutcomeNotices()).toBe(0);
    await undoLastBatch(staff.id);
    await holdPasses();
    // Due, but undone: nothing to tell.
    expect(await sendDueOutcomeNotices()).toBe(1);
    expect(inbox).toEqual([]);

    await moderateComments(staff.id, "approve", item("PENDING"));
    await holdPasses();
    expect(await sendDueOutcomeNotices()).toBe(1);
    expect(inbox.map((mail) => mail.subject)).toEqual([`Your comment on “A test headline” is published`]);

    // Approved again after an undo once told: the commenter is not told twice.
    await moderateComments(staff.id, "unapprove", item("APPROVED"));
    await moderateComments(staff.id, "approve", item("PENDING"));
    await holdPasses();
    expect(await sendDueOutcomeNotices()).toBe(1);
    expect(inbox).toHaveLength(1);
  });

  it("tell a refused commenter who asked, with the moderator's reason and nothing the sender wrote", async () => {
    const article = await createArticle();
    const staff = await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password: "a-long-password-7" });
    const parent = await comment({ articleId: article.id, email: "parent@example.com", name: "Pia Parent", status: "APPROVED", notifyOnReply: true });
    const refused = await comment({ articleId: article.id, email: "refused@example.com", name: "Rex Refused", parentId: parent.id, notifyOnApproval: true });
    const quiet = await comment({ articleId: article.id, email: "quiet@example.com", name: "Quinn Quiet" });
    const items = [refused, quiet].map(({ id }) => ({ commentId: id, expectedStatus: "PENDING" as const }));
    await moderateComments(staff.id, "reject", items, "Personal attacks are not published.");
    await db.comment.updateMany({ data: { noticeDueAt: new Date(Date.now() - 1000) }, where: { noticeDueAt: { not: null } } });
    expect(await sendDueOutcomeNotices()).toBe(2);

    expect(inbox.map((mail) => [mail.to, mail.subject])).toEqual([[["refused@example.com"], `Your comment on “A test headline” was not published`]]);
    const [mail] = inbox;
    expect(mail!.text).toContain("The moderator's reason: Personal attacks are not published.");
    expect(mail!.text).toMatch(/\/comments\/status\?token=/);
    expect(mail!.text).not.toContain("Words of Rex Refused");
    expect(mail!.text).not.toContain("Rex Refused");
    expect(mail!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  });

  it("ask an unconfirmed commenter to confirm with a signed link", async () => {
    const article = await createArticle();
    const waiting = await comment({ articleId: article.id, email: "new@example.com", name: "Nell New", status: "UNCONFIRMED" });
    await sendConfirmationMail(waiting.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toEqual(["new@example.com"]);
    expect(inbox[0]!.text).toMatch(/\/comments\/confirm\?token=[\w-]+\.[\w-]+\.[\w-]+/);
    expect(inbox[0]!.text).toMatch(/\/comments\/status\?token=/);
  });
});

describe("moderators' email through a real SMTP server", () => {
  async function moderator(email: string, moderatorMail: "OFF" | "IMMEDIATE" | "HOURLY" | "DAILY", lastDigestAt: Date | null = null) {
    const staff = await upsertStaffUser(db, { email, name: email.split("@")[0]!, password: "a-long-password-9" });
    await db.staffUser.update({ where: { id: staff.id }, data: { moderatorMail, lastDigestAt } });
    return staff;
  }

  it("tell moderators who asked at once about a held comment, with working review links and no commenter address", async () => {
    const article = await createArticle();
    await moderator("now@example.com", "IMMEDIATE");
    await moderator("quiet@example.com", "OFF");
    await moderator("later@example.com", "HOURLY");
    const held = await comment({ articleId: article.id, email: "writer@example.com", name: "Wren Writer" });
    await notifyModeratorsOfWaitingComment(held.id);
    expect(inbox.map((mail) => mail.to)).toEqual([["now@example.com"]]);
    const [mail] = inbox;
    expect(mail!.subject).toBe("A comment waits for review: “A test headline”");
    expect(mail!.text).toContain("Words of Wren Writer");
    expect(mail!.text).not.toContain("writer@example.com");
    const tokens = [...mail!.text.matchAll(/\/admin\/review\?token=(\S+)/g)].map((match) => match[1]);
    expect(tokens).toHaveLength(3);
    const checked = await Promise.all(tokens.map((token) => checkReviewLink(token)));
    expect(checked.map((state) => (state.ok ? state.link.action : state.message))).toEqual(["approve", "reject", "spam"]);

    // An approved comment is no longer waiting: nobody is told.
    inbox.length = 0;
    await db.comment.update({ where: { id: held.id }, data: { status: "APPROVED" } });
    await notifyModeratorsOfWaitingComment(held.id);
    expect(inbox).toEqual([]);
  });

  it("send a digest of what started waiting since the last one, once per period, even when two servers run it", async () => {
    const article = await createArticle();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await moderator("hourly@example.com", "HOURLY", twoHoursAgo);
    await moderator("daily@example.com", "DAILY", new Date(Date.now() - 3_600_000));
    await db.comment.create({
      data: {
        articleId: article.id,
        authorName: "Old",
        authorEmail: "old@example.com",
        body: "Older than the last digest",
        createdAt: new Date(Date.now() - 3 * 3_600_000),
      },
    });
    await comment({ articleId: article.id, email: "one@example.com", name: "First Newcomer" });
    await comment({ articleId: article.id, email: "two@example.com", name: "Second Newcomer" });

    const sent = await Promise.all([sendModeratorDigests(), sendModeratorDigests()]);
    expect(sent.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(inbox.map((mail) => [mail.to, mail.subject])).toEqual([[["hourly@example.com"], "2 new comments to review (3 waiting in all)"]]);
    expect(inbox[0]!.text).toContain("Words of First Newcomer");
    expect(inbox[0]!.text).not.toContain("Older than the last digest");
    expect(inbox[0]!.text).not.toContain("one@example.com");
    expect(inbox[0]!.text.match(/\/admin\/review\?token=/g)).toHaveLength(6);

    // Within the hour nothing more goes out; an hour later, only if something new waits.
    expect(await sendModeratorDigests()).toBe(0);
    expect(await sendModeratorDigests(new Date(Date.now() + 3_700_000))).toBe(0);
    expect(inbox).toHaveLength(1);
  });
});
