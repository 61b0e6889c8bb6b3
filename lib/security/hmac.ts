import { createHmac, timingSafeEqual } from "node:crypto";

// The one signing primitive behind the site's tokens and cookies. The purpose is part of the key, so a value
// signed for one use (a confirmation link) never verifies for another (an unsubscribe link).
export function sign(purpose: string, data: string, secret: string): string {
  return createHmac("sha256", `${purpose}:${secret}`).update(data).digest("base64url");
}

export function isValidSignature(purpose: string, data: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(sign(purpose, data, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
