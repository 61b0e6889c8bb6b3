import { randomBytes } from "node:crypto";
import { isValidSignature, sign } from "@/lib/security/hmac";

// A link mailed to a commenter who asked for their comments: one to download them, one to erase them. It names the
// action, one of the address's comments (the newest when the link was made, so the address can be found again
// without putting it in the link), a keyed hash of the address, and an expiry. The link works only while that
// comment still carries an address with that hash, so it can never be turned on anyone else's comments. A random
// nonce makes every mail's links new, so asking again always gives links that have not been used.
const READER_DATA_ACTIONS = ["download", "erase"] as const;
export type ReaderDataAction = (typeof READER_DATA_ACTIONS)[number];

export type ReaderDataLink = { action: ReaderDataAction; anchorCommentId: number; addressHash: string; nonce: string; expiresAtMs: number };

const PURPOSE = "reader-data";
const MAX_TOKEN_LENGTH = 200;
const ADDRESS_HASH = /^[A-Za-z0-9_-]{22}$/;
const NONCE = /^[A-Za-z0-9_-]{11}$/;

export function newNonce(): string {
  return randomBytes(8).toString("base64url");
}
const NUMBER = /^[0-9a-z]{1,12}$/;

// Keyed, so nobody without the site's secret can tell from a link which address it is for.
export function hashAddress(address: string, secret: string): string {
  return sign("reader-data-address", address.trim().toLowerCase(), secret).slice(0, 22);
}

export function signReaderDataToken(link: ReaderDataLink, secret: string): string {
  const data = [
    READER_DATA_ACTIONS.indexOf(link.action).toString(36),
    link.anchorCommentId.toString(36),
    link.addressHash,
    link.nonce,
    Math.floor(link.expiresAtMs / 1000).toString(36),
  ].join(".");
  return `${data}.${sign(PURPOSE, data, secret)}`;
}

export type ReaderDataTokenCheck = { ok: true; link: ReaderDataLink; signature: string } | { ok: false; reason: "invalid" | "expired" };

export function verifyReaderDataToken(token: unknown, expected: ReaderDataAction, secret: string, now = Date.now()): ReaderDataTokenCheck {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "invalid" };
  const parts = token.split(".");
  if (parts.length !== 6) return { ok: false, reason: "invalid" };
  const [actionIndex, anchor, addressHash, nonce, expires, signature] = parts as [string, string, string, string, string, string];
  if (!NUMBER.test(actionIndex) || !NUMBER.test(anchor) || !NUMBER.test(expires) || !ADDRESS_HASH.test(addressHash) || !NONCE.test(nonce)) {
    return { ok: false, reason: "invalid" };
  }
  if (!isValidSignature(PURPOSE, parts.slice(0, 5).join("."), signature, secret)) return { ok: false, reason: "invalid" };
  const action = READER_DATA_ACTIONS[parseInt(actionIndex, 36)];
  const anchorCommentId = parseInt(anchor, 36);
  // A download link never erases, and an erase link never downloads.
  if (action !== expected || anchorCommentId <= 0) return { ok: false, reason: "invalid" };
  const expiresAtMs = parseInt(expires, 36) * 1000;
  if (expiresAtMs < now) return { ok: false, reason: "expired" };
  return { ok: true, link: { action, anchorCommentId, addressHash, nonce, expiresAtMs }, signature };
}
