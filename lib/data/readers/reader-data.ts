import "server-only";
import { checkReaderDataLink, readerCommentsOf, type ReaderDataLinkState } from "@/lib/data/readers/reader-data-links";
import { spendLink } from "@/lib/data/site/spent-links";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { absolute, paths } from "@/lib/site";

// What an erased comment says instead of its text, when its author chose to remove the text too.
export const REMOVED_TEXT = "[removed at the author's request]";
const ANONYMOUS_NAME = "Anonymous";

export type ExportedComment = {
  id: number;
  article: { headline: string; url: string };
  parentId: number | null;
  name: string;
  website: string | null;
  text: string;
  status: CommentStatus;
  createdAt: string;
};
export type ReaderDataExport = { exportedAt: string; comments: ExportedComment[] };

type Refusal = Extract<ReaderDataLinkState, { ok: false }>;

// Everything the address wrote, and nothing anyone else did: replies by others are not included, and the parent is
// named by its id only.
export async function exportReaderData(token: unknown, now = new Date()): Promise<{ ok: true; data: ReaderDataExport } | Refusal> {
  const state = await checkReaderDataLink(token, "download", now.getTime());
  if (!state.ok) return state;
  return getDb().$transaction(async (tx) => {
    if (!(await spendLink(tx, state.signatureHash, state.expiresAt))) return { ok: false, reason: "used" } as const;
    const rows = await tx.comment.findMany({
      where: readerCommentsOf(state.address),
      orderBy: { id: "asc" },
      select: {
        id: true,
        parentId: true,
        authorName: true,
        authorWebsite: true,
        body: true,
        status: true,
        createdAt: true,
        article: { select: { headline: true, slug: true } },
      },
    });
    const comments = rows.map((row) => ({
      id: row.id,
      article: { headline: row.article.headline, url: absolute(paths.article(row.article.slug)) },
      parentId: row.parentId,
      name: row.authorName,
      website: row.authorWebsite,
      text: row.body,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
    }));
    return { ok: true, data: { exportedAt: now.toISOString(), comments } } as const;
  });
}

// How many comments an erase link would change, for its confirmation page (which changes nothing).
export async function countReaderComments(address: string): Promise<number> {
  return getDb().comment.count({ where: readerCommentsOf(address) });
}

export type Erasure = { ok: true; anonymised: number; deleted: number; articleIds: number[] };

// Anonymises every comment of the address in place, in one transaction with spending the link: the comments keep
// their place, status and replies; the name becomes "Anonymous"; the address is replaced by a per-comment marker
// without "@", which no submitted address can equal (so no mail, block, trust or search by address ever reaches
// it, and erased comments are not grouped as one sender); website, client fingerprint and mail wishes go. Comments
// still waiting for their address to be confirmed were never shown to anyone: they are deleted, so a late click on
// their confirmation link cannot publish them.
export async function eraseReaderData(token: unknown, keepText: boolean, now = new Date()): Promise<Erasure | Refusal> {
  const state = await checkReaderDataLink(token, "erase", now.getTime());
  if (!state.ok) return state;
  const outcome = await getDb().$transaction(async (tx) => {
    if (!(await spendLink(tx, state.signatureHash, state.expiresAt))) return { ok: false, reason: "used" } as const;
    const rows = await tx.comment.findMany({ where: readerCommentsOf(state.address), select: { id: true, articleId: true, status: true } });
    const unconfirmed = rows.filter((row) => row.status === "UNCONFIRMED").map((row) => row.id);
    const keptRows = rows.filter((row) => row.status !== "UNCONFIRMED");
    const kept = keptRows.map((row) => row.id);
    if (unconfirmed.length > 0) await tx.comment.deleteMany({ where: { id: { in: unconfirmed } } });
    if (kept.length > 0) {
      await tx.$executeRaw`
        UPDATE "Comment"
        SET "authorName" = ${ANONYMOUS_NAME}, "authorEmail" = 'erased:' || id, "authorWebsite" = NULL, "clientHash" = NULL,
            "notifyOnApproval" = false, "notifyOnReply" = false,
            body = CASE WHEN ${keepText}::boolean THEN body ELSE ${REMOVED_TEXT} END
        WHERE id IN (${Prisma.join(kept)})`;
      // A moderator's edit keeps the text as it was before; removed text goes from there too.
      if (!keepText) {
        await tx.moderationAction.updateMany({ where: { commentId: { in: kept }, action: "edit" }, data: { reason: `Before: ${REMOVED_TEXT}` } });
      }
    }
    const articleIds = [...new Set(keptRows.map((row) => row.articleId))];
    return { ok: true, anonymised: kept.length, deleted: unconfirmed.length, articleIds } as const;
  });
  if (outcome.ok) {
    console.log(
      JSON.stringify({
        level: "info",
        event: "reader-data-erased",
        anonymised: outcome.anonymised,
        deleted: outcome.deleted,
        keepText,
        time: now.toISOString(),
      }),
    );
  }
  return outcome;
}
