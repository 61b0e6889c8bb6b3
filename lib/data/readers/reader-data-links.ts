import "server-only";
import { isLinkSpent, spentLinkHash } from "@/lib/data/site/spent-links";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashAddress, newNonce, signReaderDataToken, verifyReaderDataToken, type ReaderDataAction } from "@/lib/privacy/reader-data-token";
import { safeEqual } from "@/lib/security/hmac";

// How long the links in the mail work.
export const READER_DATA_LINK_HOURS = 24;

// Staff replies are the newsroom's, written from the console: a reader's request covers what readers wrote.
export const readerCommentsOf = (address: string) => ({ authorEmail: address.trim().toLowerCase(), staffAuthorId: null });

export async function findNewestCommentOf(address: string): Promise<number | null> {
  const newest = await getDb().comment.findFirst({ where: readerCommentsOf(address), orderBy: { id: "desc" }, select: { id: true } });
  return newest?.id ?? null;
}

export function createReaderDataTokens(anchorCommentId: number, address: string, now = Date.now()): Record<ReaderDataAction, string> {
  const secret = serverEnv().NEXTAUTH_SECRET;
  const base = { anchorCommentId, addressHash: hashAddress(address, secret), expiresAtMs: now + READER_DATA_LINK_HOURS * 3_600_000 };
  return {
    download: signReaderDataToken({ ...base, nonce: newNonce(), action: "download" }, secret),
    erase: signReaderDataToken({ ...base, nonce: newNonce(), action: "erase" }, secret),
  };
}

export type ReaderDataLinkState = { ok: true; address: string; signatureHash: string; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" | "used" };

// A link is good while it is signed, unexpired, unused, and its comment still carries the address it was made for
// (an erasure or a purge since then voids it).
export async function checkReaderDataLink(token: unknown, action: ReaderDataAction, now = Date.now()): Promise<ReaderDataLinkState> {
  const secret = serverEnv().NEXTAUTH_SECRET;
  const checked = verifyReaderDataToken(token, action, secret, now);
  if (!checked.ok) return checked;
  // Only signed links reach the table, so asking it first tells a used link from one voided by its own erasure.
  const signatureHash = spentLinkHash(checked.signature);
  if (await isLinkSpent(signatureHash)) return { ok: false, reason: "used" };
  const anchor = await getDb().comment.findUnique({ where: { id: checked.link.anchorCommentId }, select: { authorEmail: true, staffAuthorId: true } });
  if (!anchor || anchor.staffAuthorId !== null || !safeEqual(hashAddress(anchor.authorEmail, secret), checked.link.addressHash)) {
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, address: anchor.authorEmail, signatureHash, expiresAt: new Date(checked.link.expiresAtMs) };
}

export const READER_DATA_LINK_MESSAGES = {
  invalid: "This link is not valid (it may have been changed, or the comments it was for were erased). Ask for a new one.",
  expired: `This link has expired: links work for ${READER_DATA_LINK_HOURS} hours. Ask for a new one.`,
  used: "This link has already been used. Ask for a new one if you need it again.",
} as const;
