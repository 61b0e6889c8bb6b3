import "server-only";
import { findCommentForMail } from "@/lib/data/comments/notifications";
import { giveBackOutcome, takeDueOutcomeNotices, takeOutcomeToTell } from "@/lib/data/comments/outcome-notices";
import { logError } from "@/lib/log";
import { commentLink, oneClickUnsubscribeLink } from "@/lib/mail/links";
import { notifyModeratorsOfWaitingComment } from "@/lib/mail/moderator-mails";
import { sendMail } from "@/lib/mail/send";
import { consumeRateLimit } from "@/lib/rate-limit";
import { absolute } from "@/lib/site";

function permalink(slug: string, id: number): string {
  return absolute(`/articles/${slug}#comment-${id}`);
}

function excerpt(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

// RFC 8058: mail clients may unsubscribe with one POST, without opening a page.
function unsubscribeHeaders(commentId: number) {
  return { "List-Unsubscribe": `<${oneClickUnsubscribeLink(commentId)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

// Anyone can type any address into a comment form, so this mail carries nothing the sender wrote (no name, no
// text: the confirmation page shows the comment) and goes at most three times a day to one address.
const CONFIRMATIONS_PER_DAY = 3;

export async function sendConfirmationMail(commentId: number): Promise<void> {
  const comment = await findCommentForMail(commentId);
  if (!comment || comment.status !== "UNCONFIRMED") return;
  if ((await consumeRateLimit("confirmation-mail", [comment.authorEmail], CONFIRMATIONS_PER_DAY, 86_400)) > 0) return;
  await sendMail({
    to: comment.authorEmail,
    subject: `Please confirm your comment on “${comment.article.headline}”`,
    text: [
      "Hello,",
      "",
      `A comment on “${comment.article.headline}” was posted with this email address.`,
      "If it was you, please confirm it within two days here:",
      commentLink("confirm", comment.id),
      "",
      "If it was not you, ignore this email: the comment will never be published.",
      "",
      `Follow what happens to it: ${commentLink("status", comment.id)}`,
    ].join("\n"),
  });
}

// A comment's outcome, told once (takeOutcomeToTell): when it is published, to its author if they asked and to the
// author of the comment it answers if they asked to hear about replies (neither learns the other's address); when a
// moderator refuses it, to its author if they asked, with the moderator's reason.
export async function sendOutcomeNotices(commentId: number): Promise<void> {
  const told = await takeOutcomeToTell(commentId);
  if (told === null) return;
  try {
    const comment = await findCommentForMail(commentId);
    if (!comment) return;
    if (told.outcome === "APPROVED") await sendPublishedNotices(comment);
    else if (comment.notifyOnApproval) await sendRefusalNotice(comment);
  } catch (error) {
    // Not told after all (the database went away mid-way): due again in a minute.
    await giveBackOutcome(commentId, told);
    throw error;
  }
}

// Every decision whose hold has passed (the scheduler runs this every few seconds). One comment that fails does not
// keep the others from being told.
export async function sendDueOutcomeNotices(): Promise<number> {
  const due = await takeDueOutcomeNotices();
  for (const id of due) await sendOutcomeNotices(id).catch((error: unknown) => logError("outcome-notice", error));
  return due.length;
}

type MailComment = NonNullable<Awaited<ReturnType<typeof findCommentForMail>>>;

async function sendPublishedNotices(comment: MailComment): Promise<void> {
  const link = permalink(comment.article.slug, comment.id);
  if (comment.notifyOnApproval) {
    await sendMail({
      to: comment.authorEmail,
      subject: `Your comment on “${comment.article.headline}” is published`,
      text: [
        `Hello ${comment.authorName},`,
        "",
        "Your comment is now published:",
        link,
        "",
        `To stop these emails: ${commentLink("unsubscribe", comment.id)}`,
      ].join("\n"),
      headers: unsubscribeHeaders(comment.id),
    });
  }
  const parent = comment.parent;
  if (parent?.notifyOnReply && parent.status === "APPROVED" && parent.authorEmail.toLowerCase() !== comment.authorEmail.toLowerCase()) {
    await sendMail({
      to: parent.authorEmail,
      subject: `${comment.authorName} replied to your comment on “${comment.article.headline}”`,
      text: [
        `Hello ${parent.authorName},`,
        "",
        `${comment.authorName} replied to your comment:`,
        `“${excerpt(comment.body)}”`,
        "",
        link,
        "",
        `To stop these emails: ${commentLink("unsubscribe", parent.id)}`,
      ].join("\n"),
      headers: unsubscribeHeaders(parent.id),
    });
  }
}

// Anyone can type anyone's address into the form, so, like the confirmation, this carries nothing the sender wrote:
// the reason is the moderator's, and the status page shows the comment.
async function sendRefusalNotice(comment: MailComment): Promise<void> {
  await sendMail({
    to: comment.authorEmail,
    subject: `Your comment on “${comment.article.headline}” was not published`,
    text: [
      "Hello,",
      "",
      `A moderator decided not to publish your comment on “${comment.article.headline}”.`,
      ...(comment.statusReason ? ["", `The moderator's reason: ${comment.statusReason}`] : []),
      "",
      `Your comment and its status: ${commentLink("status", comment.id)}`,
      "",
      `To stop these emails: ${commentLink("unsubscribe", comment.id)}`,
    ].join("\n"),
    headers: unsubscribeHeaders(comment.id),
  });
}

// A new comment asks for confirmation; a held one tells the moderators who want to know at once; one that went
// straight onto the page tells whoever asked to know.
export async function sendMailsAfterSubmission(commentId: number, status: "APPROVED" | "PENDING" | "UNCONFIRMED"): Promise<void> {
  if (status === "UNCONFIRMED") await sendConfirmationMail(commentId);
  if (status === "PENDING") await notifyModeratorsOfWaitingComment(commentId);
  if (status === "APPROVED") await sendOutcomeNotices(commentId);
}
