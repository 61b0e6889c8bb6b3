import { isValidSignature, sign } from "@/lib/security/hmac";

// A link in a moderator's email that proposes one decision on one comment. It names the comment, the staff member
// it was sent to and their session version (a password reset or sign-out everywhere voids it), the action, and an
// expiry. It only opens a confirmation page; the decision is taken by the POST from that page, once.
export const REVIEW_ACTIONS = ["approve", "reject", "spam"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

// The words for each decision, in the email, on the confirmation page and its button.
export const REVIEW_ACTION_TEXT: Record<ReviewAction, { link: string; question: string; button: string }> = {
  approve: { link: "Approve", question: "Approve this comment?", button: "Approve this comment" },
  reject: { link: "Reject", question: "Reject this comment?", button: "Reject this comment" },
  spam: { link: "Mark as spam", question: "Mark this comment as spam?", button: "Mark this comment as spam" },
};

export type ReviewLink = { commentId: number; staffId: number; linkVersion: number; action: ReviewAction; expiresAtMs: number };

const PURPOSE = "moderator-review";
const MAX_TOKEN_LENGTH = 200;

export function signReviewToken(link: ReviewLink, secret: string): string {
  const data = [link.commentId, link.staffId, link.linkVersion, REVIEW_ACTIONS.indexOf(link.action), Math.floor(link.expiresAtMs / 1000)]
    .map((value) => value.toString(36))
    .join(".");
  return `${data}.${sign(PURPOSE, data, secret)}`;
}

export type ReviewTokenCheck = { ok: true; link: ReviewLink; signature: string } | { ok: false; reason: "invalid" | "expired" };

export function verifyReviewToken(token: unknown, secret: string, now = Date.now()): ReviewTokenCheck {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "invalid" };
  const parts = token.split(".");
  if (parts.length !== 6) return { ok: false, reason: "invalid" };
  const signature = parts.pop()!;
  if (!parts.every((part) => /^[0-9a-z]{1,12}$/.test(part))) return { ok: false, reason: "invalid" };
  if (!isValidSignature(PURPOSE, parts.join("."), signature, secret)) return { ok: false, reason: "invalid" };
  const [commentId, staffId, linkVersion, actionIndex, expires] = parts.map((part) => parseInt(part, 36)) as [number, number, number, number, number];
  const action = REVIEW_ACTIONS[actionIndex];
  if (!action || commentId <= 0 || staffId <= 0) return { ok: false, reason: "invalid" };
  if (expires * 1000 < now) return { ok: false, reason: "expired" };
  return { ok: true, link: { commentId, staffId, linkVersion, action, expiresAtMs: expires * 1000 }, signature };
}
