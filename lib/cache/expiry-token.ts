import { isValidSignature, sign } from "@/lib/security/hmac";

// A program beside the site (the article importer) asks a running server to forget its cached pages: the server
// alone can expire the framework's tags and purge the edge. The request carries the time, signed with the site's
// secret, and is good for a minute either way, so a copied one soon stops working.
const PURPOSE = "cache-expiry";
const VALID_SECONDS = 60;

export function makeExpiryToken(secret: string, nowMs = Date.now()): string {
  const time = String(Math.floor(nowMs / 1000));
  return `${time}.${sign(PURPOSE, time, secret)}`;
}

export function isValidExpiryToken(token: unknown, secret: string, nowMs = Date.now()): boolean {
  if (typeof token !== "string" || token.length > 100) return false;
  const [time, signature, extra] = token.split(".");
  if (!time || !signature || extra !== undefined || !/^\d{1,12}$/.test(time)) return false;
  if (Math.abs(Number(time) - nowMs / 1000) > VALID_SECONDS) return false;
  return isValidSignature(PURPOSE, time, signature, secret);
}
