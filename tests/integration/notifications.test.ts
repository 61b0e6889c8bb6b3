import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { moderateComment } from "@/lib/data/moderation";
import { sendApprovalNotifications, sendConfirmationMail } from "@/lib/mail/comment-mails";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { startSmtpSink, type ReceivedMail } from "../helpers/smtp-sink";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

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

async function comment(data: { articleId: number; email: string; name: string; parentId?: number; status?: "PENDING" | "APPROVED" | "UNCONFIRMED"; notifyOnApproval?: boolean; notifyOnReply?: boolean }) {
  return db.comment.create({
    data: { articleId: data.articleId, parentId: data.parentId, authorEmail: data.email, authorName: data.name, body: `Words of ${data.name}`, status: data.status ?? "PENDING", notifyOnApproval: data.notifyOnApproval ?? false, notifyOnReply: data.notifyOnReply ?? false },
  });
}

describe("comment emails through a real SMTP server", () => {
  it("tell the author and the replied-to commenter only once the reply is approved, never revealing addresses", async () => {
    const article = await createArticle();
    const staff = await upsertStaffUser(db, { email: "mod@example.com", name: "Mod", password: "a-long-password-7" });
    const parent = await comment({ articleId: article.id, email: "parent@example.com", name: "Pia Parent", status: "APPROVED", notifyOnReply: true });
    const reply = await comment({ articleId: article.id, email: "reply@example.com", name: "Rob Reply", parentId: parent.id, notifyOnApproval: true });

    await sendApprovalNotifications(reply.id);
    expect(inbox).toEqual([]);

    expect(await moderateComment({ staffUserId: staff.id, commentId: reply.id, action: "approve" })).toMatchObject({ ok: true });
    await sendApprovalNotifications(reply.id);
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
    await sendApprovalNotifications(quiet.id);
    expect(inbox).toEqual([]);
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
