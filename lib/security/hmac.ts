import { createHmac, timingSafeEqual } from "node:crypto";

// The one signing primitive behind the site's tokens and cookies. The purpose is part of the key, so a value
// signed for one use (a confirmation link) never verifies for another (an unsubscribe link).
export function sign(purpose: string, data: string, secret: string): string {
  return createHmac("sha256", `${purpose}:${secret}`).update(data).digest("base64url");
}

export function isValidSignature(purpose: string, data: string, signature: string, secret: string): boolean {
  return safeEqual(sign(purpose, data, secret), signature);
}

// Compares two secrets-derived strings in time that does not depend on where they differ.
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
