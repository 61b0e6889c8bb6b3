import "server-only";
import { findNewestCommentOf } from "@/lib/data/readers/reader-data-links";
import { serverEnv } from "@/lib/env";
import { hashAddress } from "@/lib/privacy/reader-data-token";
import { consumeRateLimit } from "@/lib/rate-limit";

// Requests one client may make an hour, and mails one address may receive a day.
export const REQUESTS_PER_CLIENT_HOUR = 10;
export const MAILS_PER_ADDRESS_DAY = 3;

export type ReaderDataRequest = { ok: true; mailTo: { address: string; anchorCommentId: number } | null } | { ok: false; retryAfterSeconds: number };

// Decides whether a mail goes out. The answer to the person at the form is the same whether or not the address has
// comments, and whether or not that address has had its mails for today: only a client asking too often is told so,
// and that says nothing about any address. The address's counter is keyed by its hash, so no rate-limit row holds it.
export async function requestReaderData(address: string, clientHash: string): Promise<ReaderDataRequest> {
  const clientWait = await consumeRateLimit("reader-data-client", [clientHash], REQUESTS_PER_CLIENT_HOUR, 3600);
  if (clientWait > 0) return { ok: false, retryAfterSeconds: clientWait };
  const addressWait = await consumeRateLimit("reader-data-address", [hashAddress(address, serverEnv().NEXTAUTH_SECRET)], MAILS_PER_ADDRESS_DAY, 86_400);
  if (addressWait > 0) return { ok: true, mailTo: null };
  const anchorCommentId = await findNewestCommentOf(address);
  return { ok: true, mailTo: anchorCommentId === null ? null : { address: address.trim().toLowerCase(), anchorCommentId } };
}
