import "server-only";
import { randomUUID } from "node:crypto";
import { moderateCommentWithin, type ModerateResult } from "@/lib/data/moderation/moderation";
import { isLinkSpent, spendLink, spentLinkHash } from "@/lib/data/site/spent-links";
import { findReviewLinkHolder, type StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { verifyReviewToken, type ReviewLink } from "@/lib/moderation/review-link-token";

export type ReviewLinkState = { ok: true; link: ReviewLink; staff: StaffIdentity; signatureHash: string } | { ok: false; message: string };

// Decisions taken from an emailed link are marked as such in the audit (the batch id), since a link can be forwarded.
export const EMAIL_LINK_BATCH_PREFIX = "email-link:";

const USED = "This link has already been used. Open the queue to see what happened to the comment.";
const UNUSABLE = "This link is not valid. Open the queue to review the comment.";

// A link works only while it is unexpired and unused, and while its staff member is active staff whose links have
// not been revoked (a password reset, a role change or a deactivation revokes them).
export async function checkReviewLink(token: unknown): Promise<ReviewLinkState> {
  const checked = verifyReviewToken(token, serverEnv().NEXTAUTH_SECRET);
  if (!checked.ok) return { ok: false, message: checked.reason === "expired" ? "This link has expired. Open the queue to review the comment." : UNUSABLE };
  const staff = await findReviewLinkHolder(checked.link.staffId, checked.link.linkVersion);
  if (!staff) return { ok: false, message: UNUSABLE };
  const signatureHash = spentLinkHash(checked.signature);
  if (await isLinkSpent(signatureHash)) return { ok: false, message: USED };
  return { ok: true, link: checked.link, staff, signatureHash };
}

// What the confirmation page shows: enough to decide, nothing that identifies the sender (a link in a mailbox can be
// opened by a mail scanner or whoever the mail was forwarded to; the address stays in the console).
export async function findCommentForReview(commentId: number) {
  const comment = await getDb().comment.findUnique({
    where: { id: commentId },
    select: {
      status: true,
      authorName: true,
      body: true,
      heldReasons: true,
      createdAt: true,
      article: { select: { headline: true } },
      parent: { select: { authorName: true, body: true } },
    },
  });
  return comment && { ...comment, createdAt: comment.createdAt.toISOString() };
}

export type ReviewOutcome = { ok: true; result: ModerateResult; commentId: number } | { ok: false; message: string };

// Spends the link and takes its decision in one transaction, so two clicks (or two mail scanners) decide once and a
// decision that fails with an error leaves the link usable. The comment must still be pending: when another
// moderator got there first, the answer says so, nothing is overwritten, and the link is spent all the same.
export async function spendReviewLink(token: unknown, reason: string | null): Promise<ReviewOutcome> {
  const state = await checkReviewLink(token);
  if (!state.ok) return state;
  const { link, staff, signatureHash } = state;
  return getDb().$transaction(async (tx) => {
    // A second transaction spending the same link waits for this one, then finds the row and does nothing.
    if (!(await spendLink(tx, signatureHash, new Date(link.expiresAtMs)))) return { ok: false, message: USED } as const;
    const result = await moderateCommentWithin(tx, {
      staffUserId: staff.id,
      commentId: link.commentId,
      action: link.action,
      expectedStatus: "PENDING",
      batchId: `${EMAIL_LINK_BATCH_PREFIX}${randomUUID()}`,
      reason: link.action === "reject" ? reason : null,
    });
    return { ok: true, result, commentId: link.commentId } as const;
  });
}
