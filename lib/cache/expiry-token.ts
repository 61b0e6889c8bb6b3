import { randomBytes } from "node:crypto";
import { isValidSignature, sign } from "@/lib/security/hmac";

// A program beside the site (the article importer) asks a running server to forget its cached pages: the server
// alone can expire the framework's tags and purge the edge. The request carries the time and a nonce, signed with
// the site's secret; it is good for 30 s (and 5 s ahead, for clocks a little apart), and only once (the route spends
// its signature), so a copied request cannot make the site purge itself again and again.
const PURPOSE = "cache-expiry";
export const EXPIRY_TOKEN_SECONDS = 30;
const AHEAD_SECONDS = 5;

export function makeExpiryToken(secret: string, nowMs = Date.now()): string {
  const data = `${Math.floor(nowMs / 1000)}.${randomBytes(12).toString("base64url")}`;
  return `${data}.${sign(PURPOSE, data, secret)}`;
}

/** The token's signature (to spend it) when it is signed with this secret and current; null otherwise. */
export function checkExpiryToken(token: unknown, secret: string, nowMs = Date.now()): string | null {
  if (typeof token !== "string" || token.length > 120) return null;
  const [time, nonce, signature, extra] = token.split(".");
  if (!time || !nonce || !signature || extra !== undefined || !/^\d{1,12}$/.test(time) || !/^[\w-]{16}$/.test(nonce)) return null;
  const age = nowMs / 1000 - Number(time);
  if (age > EXPIRY_TOKEN_SECONDS || age < -AHEAD_SECONDS) return null;
  return isValidSignature(PURPOSE, `${time}.${nonce}`, signature, secret) ? signature : null;
}
