import "server-only";
import { heldReasonLabel } from "@/lib/comments/held-reasons";
import {
  claimDigest,
  DIGEST_PERIOD_MS,
  findDigestRecipients,
  findImmediateRecipients,
  findNewlyWaiting,
  findWaitingComment,
  type MailRecipient,
} from "@/lib/data/moderation/moderator-notifications";
import { serverEnv } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";
import { REVIEW_ACTION_TEXT, REVIEW_ACTIONS, signReviewToken } from "@/lib/moderation/review-link-token";
import { consumeRateLimit } from "@/lib/rate-limit";
import { absolute } from "@/lib/site";

const REVIEW_LINK_LIFETIME_MS = 7 * 86_400_000;
// A flood of held comments must not become a flood of mail: past this, moderators hear about the rest in the queue.
const IMMEDIATE_MAILS_PER_HOUR = 30;
const DIGEST_LISTED = 25;

type Waiting = NonNullable<Awaited<ReturnType<typeof findWaitingComment>>>;

function reviewLinks(recipient: MailRecipient, commentId: number, now: number): string[] {
  const expiresAtMs = now + REVIEW_LINK_LIFETIME_MS;
  return REVIEW_ACTIONS.map((action) => {
    const token = signReviewToken({ commentId, staffId: recipient.id, linkVersion: recipient.linkVersion, action, expiresAtMs }, serverEnv().NEXTAUTH_SECRET);
    return `  ${REVIEW_ACTION_TEXT[action].link}: ${absolute(`/admin/review?token=${token}`)}`;
  });
}

// Staff mail may carry the commenter's name and text (staff see them in the queue anyway), never their address:
// mail is forwarded and stored in places the console's access rules do not reach. The text is quoted with its
// addresses defanged, so a hostile comment cannot put a clickable link in the site's own mail.
function describe(comment: Waiting): string[] {
  const text = comment.body.length > 500 ? `${comment.body.slice(0, 500)}…` : comment.body;
  const quoted = defang(text)
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const reasons = comment.heldReasons.map((code) => heldReasonLabel(code, { senderDetails: false }));
  return [
    `${comment.authorName} on “${comment.article.headline}” wrote (as sent, unchecked):`,
    quoted,
    reasons.length > 0 ? `Held because: ${reasons.join("; ")}` : "",
  ].filter(Boolean);
}

function defang(text: string): string {
  return text.replace(/\b(https?|ftp):\/\//gi, "$1[:]//").replace(/\bwww\./gi, "www[.]");
}

function footer(): string[] {
  return [
    "",
    "Each link opens a page that asks you to confirm; it works once, for seven days.",
    `The queue: ${absolute("/admin")}`,
    `To change these emails: ${absolute("/admin/account")}`,
  ];
}

export async function notifyModeratorsOfWaitingComment(commentId: number): Promise<void> {
  // Most sites have nobody who wants a mail per comment: then the comment is not even read.
  const recipients = await findImmediateRecipients();
  if (recipients.length === 0) return;
  const comment = await findWaitingComment(commentId);
  if (!comment) return;
  const now = Date.now();
  for (const recipient of recipients) {
    if ((await consumeRateLimit("moderator-mail", [String(recipient.id)], IMMEDIATE_MAILS_PER_HOUR, 3600)) > 0) continue;
    await sendMail({
      to: recipient.email,
      subject: `A comment waits for review: “${comment.article.headline}”`,
      text: [`Hello ${recipient.name},`, "", ...describe(comment), "", ...reviewLinks(recipient, comment.id, now), ...footer()].join("\n"),
    });
  }
}

// Sends each digest that is due; the server runs this every few minutes (lib/jobs/scheduler.ts).
export async function sendModeratorDigests(now = new Date()): Promise<number> {
  let sent = 0;
  for (const recipient of await findDigestRecipients()) {
    if (recipient.moderatorMail !== "HOURLY" && recipient.moderatorMail !== "DAILY") continue;
    const since = await claimDigest(recipient.id, recipient.lastDigestAt, DIGEST_PERIOD_MS[recipient.moderatorMail], now);
    if (!since) continue;
    const { comments, total, waiting } = await findNewlyWaiting(since, DIGEST_LISTED);
    if (total === 0) continue;
    const listed = comments.flatMap((comment, index) => [
      `${index + 1}. `.concat(describe(comment).join("\n")),
      ...reviewLinks(recipient, comment.id, now.getTime()),
      "",
    ]);
    const more = total > comments.length ? [`…and ${total - comments.length} more in the queue.`, ""] : [];
    await sendMail({
      to: recipient.email,
      subject: `${total} new comment${total === 1 ? "" : "s"} to review (${waiting} waiting in all)`,
      text: [
        `Hello ${recipient.name},`,
        "",
        `${total} comment${total === 1 ? "" : "s"} started waiting since the last digest.`,
        "",
        ...listed,
        ...more,
        ...footer(),
      ].join("\n"),
    });
    sent += 1;
  }
  return sent;
}
