import { randomBytes } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { isValidSignature, sign } from "@/lib/security/hmac";

// The comment form carries a signed token: when it was issued (a form sent back within seconds was not typed by a
// person), which article it belongs to, and a random nonce that doubles as the idempotency key, so a double click
// or a resubmitted form stores one comment.
export const FORM_TOKEN_MAX_AGE_SECONDS = 24 * 60 * 60;

export type FormTokenCheck = { ok: true; nonce: string; issuedAt: number } | { ok: false; reason: "invalid" | "too_fast" | "expired" };

const PURPOSE = "comment-form";

// Signed with the site's secret, read here and nowhere else on the way. (`secret` is for the unit tests.)
export function issueFormToken(articleId: number, now = Date.now(), secret = serverEnv().NEXTAUTH_SECRET): string {
  const data = `${now.toString(36)}.${randomBytes(12).toString("base64url")}.${articleId}`;
  return `${data}.${sign(PURPOSE, data, secret)}`;
}

export function checkFormToken(
  token: string,
  articleId: number,
  options: { minSeconds: number; now?: number },
  secret = serverEnv().NEXTAUTH_SECRET,
): FormTokenCheck {
  const now = options.now ?? Date.now();
  const parts = token.length <= 200 ? token.split(".") : [];
  if (parts.length !== 4) return { ok: false, reason: "invalid" };
  const [issued, nonce, tokenArticle, signature] = parts as [string, string, string, string];
  if (!isValidSignature(PURPOSE, `${issued}.${nonce}.${tokenArticle}`, signature, secret)) return { ok: false, reason: "invalid" };
  if (tokenArticle !== String(articleId)) return { ok: false, reason: "invalid" };
  const issuedAt = parseInt(issued, 36);
  if (!Number.isSafeInteger(issuedAt)) return { ok: false, reason: "invalid" };
  if (now - issuedAt < options.minSeconds * 1000) return { ok: false, reason: "too_fast" };
  if (now - issuedAt > FORM_TOKEN_MAX_AGE_SECONDS * 1000) return { ok: false, reason: "expired" };
  return { ok: true, nonce, issuedAt };
}
