import "server-only";
import { serverEnv } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/security/signed-token";
import { absolute } from "@/lib/site";
import { CONFIRMATION_LINK_DAYS } from "@/lib/validation/settings";

const DAY = 86_400_000;

// The links a commenter receives by email. Confirmation expires after two days; the status and unsubscribe
// links stay usable for a year, as long as anyone could reasonably keep such an email.
const PURPOSES = {
  confirm: { path: "/comments/confirm", lifetime: CONFIRMATION_LINK_DAYS * DAY },
  status: { path: "/comments/status", lifetime: 365 * DAY },
  unsubscribe: { path: "/comments/unsubscribe", lifetime: 365 * DAY },
} as const;

export type LinkPurpose = keyof typeof PURPOSES;

export function commentPath(purpose: LinkPurpose, commentId: number, now = Date.now()): string {
  const token = signToken(`comment-${purpose}`, commentId, now + PURPOSES[purpose].lifetime, serverEnv().NEXTAUTH_SECRET);
  return `${PURPOSES[purpose].path}?token=${token}`;
}

export function commentLink(purpose: LinkPurpose, commentId: number): string {
  return absolute(commentPath(purpose, commentId));
}

// The address mail clients POST to for one-click unsubscribe (RFC 8058).
export function oneClickUnsubscribeLink(commentId: number): string {
  return absolute(`/api${commentPath("unsubscribe", commentId)}`);
}

export function commentIdFromLink(purpose: LinkPurpose, token: unknown): number | null {
  if (typeof token !== "string") return null;
  return verifyToken(`comment-${purpose}`, token, serverEnv().NEXTAUTH_SECRET);
}
