import "server-only";
import { getDb } from "@/lib/db";
import type { FormTokenCheck } from "@/lib/comments/form-token";
import type { PipelineFacts } from "@/lib/moderation/pipeline";
import { nameSkeleton } from "@/lib/moderation/text-match";
import type { CommentSettings } from "@/lib/validation/settings";
import type { CommentInput } from "@/lib/validation/comment";

type BlockKindName = PipelineFacts["blocks"][number]["kind"];
type BlockModeName = PipelineFacts["blocks"][number]["mode"];
type FactsRow = { staffNames: string[]; blocks: string[]; isDuplicate: boolean; isPreviouslyApprovedCommenter: boolean; lastStoredBySenderAt: Date | null };

// Everything the pipeline's checks need to know about a submission, read from the database in one place.
export async function gatherFacts(
  comment: CommentInput & { honeypot: string; clientHash: string },
  context: {
    settings: CommentSettings;
    formToken: FormTokenCheck | null;
    article: { commentsOpen: boolean; publishedAt: Date };
    now: Date;
  },
): Promise<PipelineFacts> {
  const { settings, now } = context;
  const email = comment.email;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  // Flood control counts the comments themselves, not a counter that a request could spend and then die.
  const floodSince = settings.floodIntervalSeconds > 0 ? new Date(now.getTime() - settings.floodIntervalSeconds * 1000) : null;
  // One round trip: the submission path waits for nothing else here.
  const [row] = await getDb().$queryRaw<FactsRow[]>`
    SELECT
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
  const facts = row!;
  return {
    settings,
    now,
    article: context.article,
    formToken: context.formToken,
    honeypotFilled: comment.honeypot.trim() !== "",
    staffNameSkeletons: facts.staffNames.map(nameSkeleton),
    blocks: facts.blocks.map((block) => {
      const [kind, mode] = block.split(":") as [BlockKindName, BlockModeName];
      return { kind, mode };
    }),
    isDuplicate: facts.isDuplicate,
    isPreviouslyApprovedCommenter: facts.isPreviouslyApprovedCommenter,
    lastStoredBySenderAt: facts.lastStoredBySenderAt,
  };
}
