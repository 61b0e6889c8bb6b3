import { isValidSignature, sign } from "@/lib/security/hmac";

// Short signed tokens for links in emails: a purpose (so a confirmation link can never serve as an unsubscribe
// link), a subject id, and an expiry. Nothing secret is inside; the signature makes them unforgeable.
export function signToken(purpose: string, subject: number, expiresAtMs: number, secret: string): string {
  const data = `${subject.toString(36)}.${Math.floor(expiresAtMs / 1000).toString(36)}`;
  return `${data}.${sign(purpose, data, secret)}`;
}

export function verifyToken(purpose: string, token: string, secret: string, now = Date.now()): number | null {
  if (token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [subject, expires, signature] = parts as [string, string, string];
  if (!isValidSignature(purpose, `${subject}.${expires}`, signature, secret)) return null;
  if (parseInt(expires, 36) * 1000 < now) return null;
  const id = parseInt(subject, 36);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
