import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Single-use links (staff review links, commenters' download and erase links) are remembered by the SHA-256 of
// their signature until they expire; the retention job drops the rows after that.

export function spentLinkHash(signature: string): string {
  return createHash("sha256").update(signature).digest("hex");
}

export async function isLinkSpent(signatureHash: string): Promise<boolean> {
  return (await getDb().spentLink.findUnique({ where: { tokenHash: signatureHash }, select: { spentAt: true } })) !== null;
}

// Spends the link inside the transaction that acts on it: of two requests at the same moment, the second waits for
// the first, then finds the row and gets false; a transaction that fails leaves the link usable.
export async function spendLink(tx: Prisma.TransactionClient, signatureHash: string, expiresAt: Date): Promise<boolean> {
  const spent = await tx.spentLink.createMany({ data: [{ tokenHash: signatureHash, expiresAt }], skipDuplicates: true });
  return spent.count === 1;
}
