import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { findActiveStaff, type StaffIdentity } from "@/lib/data/staff";
import { moderateCommentWithin, type ModerateResult } from "@/lib/data/moderation";
import { staffCommentSelect } from "@/lib/data/moderation-queue";
import { serverEnv } from "@/lib/env";
import { verifyReviewToken, type ReviewLink } from "@/lib/moderation/review-link-token";

export type ReviewLinkState =
  | { ok: true; link: ReviewLink; staff: StaffIdentity; signatureHash: string }
  | { ok: false; message: string };

const USED = "This link has already been used. Open the queue to see what happened to the comment.";
const UNUSABLE = "This link is not valid. Open the queue to review the comment.";

function hashSignature(signature: string): string {
  return createHash("sha256").update(signature).digest("hex");
}

// A link works only while it is unexpired, unused, and its staff member still holds the same session (a password
// reset or a sign-out everywhere voids every link sent before) and is still active staff.
export async function checkReviewLink(token: unknown): Promise<ReviewLinkState> {
  const checked = verifyReviewToken(token, serverEnv().NEXTAUTH_SECRET);
  if (!checked.ok) return { ok: false, message: checked.reason === "expired" ? "This link has expired. Open the queue to review the comment." : UNUSABLE };
  const staff = await findActiveStaff(checked.link.staffId, checked.link.sessionVersion);
  if (!staff) return { ok: false, message: UNUSABLE };
  const signatureHash = hashSignature(checked.signature);
  const spent = await getDb().spentLink.findUnique({ where: { tokenHash: signatureHash }, select: { spentAt: true } });
  if (spent) return { ok: false, message: USED };
  return { ok: true, link: checked.link, staff, signatureHash };
}

export async function findCommentForReview(commentId: number) {
  const comment = await getDb().comment.findUnique({
    where: { id: commentId },
    select: { ...staffCommentSelect, parent: { select: { id: true, authorName: true, body: true } } },
  });
  return comment && { ...comment, createdAt: comment.createdAt.toISOString() };
}

export type ReviewOutcome = { ok: true; result: ModerateResult; commentId: number } | { ok: false; message: string };

// Spends the link and takes its decision in one transaction: two clicks (or two mail scanners) decide once, and a
// decision that cannot be stored leaves the link usable. The comment must still be pending: when another moderator
// got there first, the answer says so and nothing is overwritten.
export async function spendReviewLink(token: unknown, reason: string | null): Promise<ReviewOutcome> {
  const state = await checkReviewLink(token);
  if (!state.ok) return state;
  const { link, staff, signatureHash } = state;
  return getDb().$transaction(async (tx) => {
    // A second transaction spending the same link waits for this one, then finds the row and does nothing.
    const spent = await tx.spentLink.createMany({ data: [{ tokenHash: signatureHash, expiresAt: new Date(link.expiresAtMs) }], skipDuplicates: true });
    if (spent.count === 0) return { ok: false, message: USED } as const;
    const result = await moderateCommentWithin(tx, {
      staffUserId: staff.id,
      commentId: link.commentId,
      action: link.action,
      expectedStatus: "PENDING",
      batchId: randomUUID(),
      reason: link.action === "reject" ? reason : null,
    });
    return { ok: true, result, commentId: link.commentId } as const;
  });
}
