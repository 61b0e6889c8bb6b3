import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashAddress, newNonce, signReaderDataToken, verifyReaderDataToken, type ReaderDataAction } from "@/lib/privacy/reader-data-token";

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

export type ReaderDataLinkState =
  | { ok: true; address: string; signatureHash: string; expiresAt: Date }
  | { ok: false; reason: "invalid" | "expired" | "used" };

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

// A link is good while it is signed, unexpired, unused, and its comment still carries the address it was made for
// (an erasure or a purge since then voids it).
export async function checkReaderDataLink(token: unknown, action: ReaderDataAction, now = Date.now()): Promise<ReaderDataLinkState> {
  const secret = serverEnv().NEXTAUTH_SECRET;
  const checked = verifyReaderDataToken(token, action, secret, now);
  if (!checked.ok) return checked;
  // Only signed links reach the table, so asking it first tells a used link from one voided by its own erasure.
  const signatureHash = createHash("sha256").update(checked.signature).digest("hex");
  if (await getDb().spentLink.findUnique({ where: { tokenHash: signatureHash }, select: { spentAt: true } })) return { ok: false, reason: "used" };
  const anchor = await getDb().comment.findUnique({ where: { id: checked.link.anchorCommentId }, select: { authorEmail: true, staffAuthorId: true } });
  if (!anchor || anchor.staffAuthorId !== null || !sameHash(hashAddress(anchor.authorEmail, secret), checked.link.addressHash)) {
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, address: anchor.authorEmail, signatureHash, expiresAt: new Date(checked.link.expiresAtMs) };
}

// Marks the link used inside the transaction that acts on it: of two requests at the same moment, the second
// waits for the first, then finds the row and does nothing; a failed action leaves the link usable.
export async function spendReaderDataLink(tx: Prisma.TransactionClient, state: { signatureHash: string; expiresAt: Date }): Promise<boolean> {
  const spent = await tx.spentLink.createMany({ data: [{ tokenHash: state.signatureHash, expiresAt: state.expiresAt }], skipDuplicates: true });
  return spent.count === 1;
}

export const READER_DATA_LINK_MESSAGES = {
  invalid: "This link is not valid (it may have been changed, or the comments it was for were erased). Ask for a new one.",
  expired: `This link has expired: links work for ${READER_DATA_LINK_HOURS} hours. Ask for a new one.`,
  used: "This link has already been used. Ask for a new one if you need it again.",
} as const;
