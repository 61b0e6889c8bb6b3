import "server-only";
import type { FormTokenCheck } from "@/lib/comments/form-token";
import { getDb } from "@/lib/db";
import type { Comment } from "@/lib/generated/prisma/client";
import type { PipelineFacts } from "@/lib/moderation/pipeline";
import { nameSkeleton } from "@/lib/moderation/text-match";
import type { CommentInput } from "@/lib/validation/comment";
import type { CommentSettings } from "@/lib/validation/settings";

type FactsComment = CommentInput & { honeypot: string; clientHash: string };
type BlockKindName = PipelineFacts["blocks"][number]["kind"];
type BlockModeName = PipelineFacts["blocks"][number]["mode"];

/** The comment already stored under a submission's idempotency key, as a retry of it is answered. */
export type StoredCopy = Pick<Comment, "id" | "articleId" | "parentId" | "authorName" | "authorEmail" | "authorWebsite" | "body"> & {
  status: string;
  articleSlug: string;
};

/** What a new submission needs to know besides the pipeline's facts. */
export type SubmissionContext = {
  article: { slug: string; commentsOpen: boolean; publishedAt: Date | null } | null;
  /** The approved comment of the same article that it answers; null when there is none (or it is not a reply). */
  parent: { id: number; depth: number } | null;
  storedCopy: StoredCopy | null;
};

type FactsRow = {
  article: { slug: string; commentsOpen: boolean; publishedAt: string | null } | null;
  parent: { id: number; depth: number } | null;
  waiting: { id: number } | null;
  storedCopy: StoredCopy | null;
  staffNames: string[];
  blocks: string[];
  isDuplicate: boolean;
  isPreviouslyApprovedCommenter: boolean;
  lastStoredBySenderAt: Date | null;
};

// Everything a submission's checks need to know, read in one SQL statement: the submission path waits for the
// database once here, not once per fact.
async function readFacts(comment: FactsComment, settings: CommentSettings, now: Date, idempotencyKey: string | null): Promise<FactsRow> {
  const email = comment.email;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  // Flood control counts the comments themselves, not a counter that a request could spend and then die.
  const floodSince = settings.floodIntervalSeconds > 0 ? new Date(now.getTime() - settings.floodIntervalSeconds * 1000) : null;
  const [row] = await getDb().$queryRaw<FactsRow[]>`
    SELECT
      (
        SELECT json_build_object('slug', slug, 'commentsOpen', "commentsOpen", 'publishedAt', "publishedAt")
        FROM "Article" WHERE id = ${comment.articleId} AND status = 'PUBLISHED'
      ) AS article,
      (
        SELECT json_build_object('id', id, 'depth', depth) FROM "Comment"
        WHERE id = ${comment.parentId}::int AND "articleId" = ${comment.articleId} AND status = 'APPROVED'
      ) AS parent,
      -- The same sender's copy only: anyone else who sends an address and words would be shown that comment (its
      -- name and website) and would have another confirmation mail sent to the address.
      (
        SELECT json_build_object('id', id) FROM "Comment"
        WHERE "articleId" = ${comment.articleId} AND "authorEmail" = ${email} AND body = ${comment.body} AND status = 'UNCONFIRMED'
          AND "clientHash" = ${comment.clientHash}
        ORDER BY id LIMIT 1
      ) AS waiting,
      (
        SELECT json_build_object(
          'id', c.id, 'status', c.status, 'articleId', c."articleId", 'parentId', c."parentId", 'authorName', c."authorName",
          'authorEmail', c."authorEmail", 'authorWebsite', c."authorWebsite", 'body', c.body, 'articleSlug', a.slug)
        FROM "Comment" c JOIN "Article" a ON a.id = c."articleId"
        WHERE c."idempotencyKey" = ${idempotencyKey}::text
      ) AS "storedCopy",
      ARRAY(SELECT name FROM "StaffUser" WHERE active) AS "staffNames",
      ARRAY(
        SELECT kind::text || ':' || mode::text FROM "Block"
        WHERE ((kind = 'EMAIL' AND value = ${email}) OR (kind = 'DOMAIN' AND value = ${domain}) OR (kind = 'CLIENT' AND value = ${comment.clientHash}))
          AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
      ) AS blocks,
      -- Only the same sender's repeat counts: answering "already posted" to anyone else would tell them who wrote
      -- a public comment, one guessed address at a time.
      EXISTS (
        SELECT 1 FROM "Comment"
        WHERE "articleId" = ${comment.articleId} AND "authorEmail" = ${email} AND body = ${comment.body}
          AND "clientHash" = ${comment.clientHash} AND status <> 'TRASH'
      ) AS "isDuplicate",
      -- Anyone can type a regular's address, so an earlier approval earns trust only when addresses are confirmed.
      ${settings.requireEmailConfirmation}::boolean AND EXISTS (
        SELECT 1 FROM "Comment" WHERE "authorEmail" = ${email} AND status = 'APPROVED' AND "confirmedAt" IS NOT NULL
      ) AS "isPreviouslyApprovedCommenter",
      (
        SELECT max("createdAt") FROM "Comment"
        WHERE ${floodSince}::timestamptz IS NOT NULL AND "createdAt" > ${floodSince}::timestamptz
          AND ("clientHash" = ${comment.clientHash} OR "authorEmail" = ${email})
      ) AS "lastStoredBySenderAt"
  `;
  return row!;
}

function pipelineFacts(
  comment: FactsComment,
  row: FactsRow,
  context: { settings: CommentSettings; formToken: FormTokenCheck | null; article: { commentsOpen: boolean; publishedAt: Date }; now: Date },
): PipelineFacts {
  return {
    settings: context.settings,
    now: context.now,
    article: context.article,
    formToken: context.formToken,
    honeypotFilled: comment.honeypot.trim() !== "",
    staffNameSkeletons: row.staffNames.map(nameSkeleton),
    blocks: row.blocks.map((block) => {
      const [kind, mode] = block.split(":") as [BlockKindName, BlockModeName];
      return { kind, mode };
    }),
    replyTargetAvailable: comment.parentId === null || row.parent !== null,
    waitingCopyId: row.waiting?.id ?? null,
    isDuplicate: row.isDuplicate,
    isPreviouslyApprovedCommenter: row.isPreviouslyApprovedCommenter,
    lastStoredBySenderAt: row.lastStoredBySenderAt,
  };
}

/** A new submission's context and, when its article takes comments, the pipeline's facts. */
export async function gatherSubmissionFacts(
  comment: FactsComment,
  context: { settings: CommentSettings; formToken: FormTokenCheck | null; now: Date; idempotencyKey: string | null },
): Promise<SubmissionContext & { facts: PipelineFacts | null }> {
  const row = await readFacts(comment, context.settings, context.now, context.idempotencyKey);
  const article = row.article && { ...row.article, publishedAt: row.article.publishedAt === null ? null : new Date(row.article.publishedAt) };
  const facts = article?.publishedAt
    ? pipelineFacts(comment, row, { ...context, article: { commentsOpen: article.commentsOpen, publishedAt: article.publishedAt } })
    : null;
  return { article, parent: row.parent, storedCopy: row.storedCopy, facts };
}

/** The pipeline's facts about a stored comment, checked again (when its author confirms their address). */
export async function gatherFacts(
  comment: FactsComment,
  context: { settings: CommentSettings; formToken: FormTokenCheck | null; article: { commentsOpen: boolean; publishedAt: Date }; now: Date },
): Promise<PipelineFacts> {
  return pipelineFacts(comment, await readFacts(comment, context.settings, context.now, null), context);
}
