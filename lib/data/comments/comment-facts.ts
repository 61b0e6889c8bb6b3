import "server-only";
import { checkFormToken, type FormTokenCheck } from "@/lib/comments/form-token";
import { remember, seenStaffNameSkeletons, settingsFrom, type AssumedFacts } from "@/lib/data/comments/usual-facts";
import { getPool, preparedStatement } from "@/lib/db";
import type { Comment } from "@/lib/generated/prisma/client";
import type { PipelineFacts } from "@/lib/moderation/pipeline";
import { rolesThat } from "@/lib/staff/capabilities";
import type { CommentInput } from "@/lib/validation/comment";
import { DEFAULT_COMMENT_SETTINGS, type CommentSettings } from "@/lib/validation/settings";

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
  /** The settings row as JSON text; null before anybody saved settings (the defaults apply). */
  settings: string | null;
  article: { slug: string; commentsOpen: boolean; publishedAt: string | null } | null;
  parent: { id: number; depth: number } | null;
  waiting: { id: number } | null;
  storedCopy: StoredCopy | null;
  staffNames: string[];
  moderatorsWantMail: boolean;
  blocks: string[];
  isDuplicate: boolean;
  isPreviouslyApprovedCommenter: boolean;
  lastStoredBySenderAt: Date | null;
  /** The sender's attempts this window, counting this one, when the counter is in PostgreSQL; null otherwise. */
  attempts: number | null;
  /** What store_comment answered, when the statement stored a predicted comment (see Prediction); null otherwise. */
  stored: { id: number | null; lastStoredAt: string | null; checkedAt: string } | null;
};

// Everything a submission's checks need to know, read in one SQL statement: the submission path waits for the
// database once here, not once per fact, and not at all for the settings. A named (prepared) statement, run on the
// pool without Prisma: each connection parses it once and soon keeps one plan for it (planning this statement on
// every run cost the database more than running it). Parameters are cast, so that a plan made without their values
// has their types.
//
// The sender's earlier comments on the article are found by address first (MATERIALIZED keeps the planner from
// starting at the client instead): one address's comments on one article are few, while one client (a newsroom's
// office, a phone network, a bot) may have thousands, and a plan that starts there reads them all on every post.
// For the same reason the article is compared as an expression, which no index serves: the plan kept for every
// post estimates an article's comments as the average (a few dozen), and joined the article's index to the
// address's; a story that draws a crowd has tens of thousands, all read on every post (5 ms at 150,000).
/** Exported for its plan test (tests/integration/comment-submission-reads.test.ts). */
export const FACTS_STATEMENT = preparedStatement(
  "comment-submission-facts",
  `
    WITH settings AS (SELECT * FROM "SiteSettings" WHERE id = 1),
    same_address AS MATERIALIZED (
      SELECT id, status, body, "clientHash" FROM "Comment" WHERE "authorEmail" = $2::text AND "articleId" + 0 = $1::int
    ),
    -- One attempt counted (when $12 names a counter row), as the rate limiter's own upsert counts it
    -- (rate-limiter-flexible's RateLimiterPostgres; lib/rate-limit.ts).
    attempt AS (
      INSERT INTO "RateLimit" (key, points, expire)
      SELECT $12::text, 1, $13::bigint + $14::bigint
      -- A repeat of a stored comment is answered with it, and is no new attempt.
      WHERE $12::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Comment" WHERE "idempotencyKey" = $6::text)
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN "RateLimit".expire <= $13::bigint THEN 1 ELSE "RateLimit".points + 1 END,
        expire = CASE WHEN "RateLimit".expire <= $13::bigint THEN EXCLUDED.expire ELSE "RateLimit".expire END
      RETURNING points
    ),
    flood AS (
      SELECT COALESCE((SELECT "floodIntervalSeconds" FROM settings), $10::int) AS seconds,
             COALESCE((SELECT "requireEmailConfirmation" FROM settings), $11::boolean) AS confirmation
    ),
    article AS (SELECT slug, "commentsOpen", "publishedAt" FROM "Article" WHERE id = $1::int AND status = 'PUBLISHED'),
    parent AS (SELECT id, depth FROM "Comment" WHERE id = $5::int AND "articleId" = $1::int AND status = 'APPROVED'),
    facts AS MATERIALIZED (
    SELECT
      (SELECT row_to_json(s)::text FROM settings s) AS settings,
      (SELECT json_build_object('slug', slug, 'commentsOpen', "commentsOpen", 'publishedAt', "publishedAt") FROM article) AS article,
      (SELECT json_build_object('id', id, 'depth', depth) FROM parent) AS parent,
      -- The same sender's copy only: anyone else who sends an address and words would be shown that comment (its
      -- name and website) and would have another confirmation mail sent to the address.
      (
        SELECT json_build_object('id', id) FROM same_address
        WHERE body = $3::text AND "clientHash" = $4::text AND status = 'UNCONFIRMED'
        ORDER BY id LIMIT 1
      ) AS waiting,
      (
        SELECT json_build_object(
          'id', c.id, 'status', c.status, 'articleId', c."articleId", 'parentId', c."parentId", 'authorName', c."authorName",
          'authorEmail', c."authorEmail", 'authorWebsite', c."authorWebsite", 'body', c.body, 'articleSlug', a.slug)
        FROM "Comment" c JOIN "Article" a ON a.id = c."articleId"
        WHERE c."idempotencyKey" = $6::text
      ) AS "storedCopy",
      ARRAY(SELECT name FROM "StaffUser" WHERE active ORDER BY name) AS "staffNames",
      -- Most sites have nobody who wants a mail per held comment: then nothing more is read after the answer.
      EXISTS (
        SELECT 1 FROM "StaffUser" WHERE active AND "moderatorMail" = 'IMMEDIATE' AND role::text = ANY($9::text[])
      ) AS "moderatorsWantMail",
      ARRAY(
        SELECT kind::text || ':' || mode::text FROM "Block"
        WHERE ((kind = 'EMAIL' AND value = $2::text) OR (kind = 'DOMAIN' AND value = $7::text) OR (kind = 'CLIENT' AND value = $4::text))
          AND ("expiresAt" IS NULL OR "expiresAt" > $8::timestamptz)
      ) AS blocks,
      -- Only the same sender's repeat counts: answering "already posted" to anyone else would tell them who wrote
      -- a public comment, one guessed address at a time.
      EXISTS (SELECT 1 FROM same_address WHERE body = $3::text AND "clientHash" = $4::text AND status <> 'TRASH') AS "isDuplicate",
      -- Anyone can type a regular's address, so an earlier approval earns trust only when addresses are confirmed.
      (SELECT confirmation FROM flood) AND EXISTS (
        SELECT 1 FROM "Comment" WHERE "authorEmail" = $2::text AND status = 'APPROVED' AND "confirmedAt" IS NOT NULL
      ) AS "isPreviouslyApprovedCommenter",
      -- Flood control counts the comments themselves, not a counter that a request could spend and then die. The
      -- interval is read once (a subquery, not a join), so that the time bounds the index scans: a client with
      -- thousands of comments (an office, a phone network) has only its last few read.
      (
        SELECT max("createdAt") FROM "Comment"
        WHERE (SELECT seconds FROM flood) > 0
          AND "createdAt" > $8::timestamptz - make_interval(secs => (SELECT seconds FROM flood))
          AND ("clientHash" = $4::text OR "authorEmail" = $2::text)
      ) AS "lastStoredBySenderAt",
      (SELECT points FROM attempt) AS attempts
    )
    SELECT facts.*,
      -- The comment stored in this same statement ($15, see Prediction) when every fact its checks assumed holds;
      -- otherwise null, and the checks run on the facts read here before it is stored by a statement of its own.
      -- (At READ COMMITTED each query in store_comment sees what was committed before it ran, here as on its own,
      -- so its look for a comment stored meanwhile, after the sender's locks, is the same.)
      CASE WHEN $15::jsonb IS NOT NULL
        AND facts.settings IS NOT DISTINCT FROM $17::text
        AND EXISTS (SELECT 1 FROM article WHERE "commentsOpen" = $18::boolean AND "publishedAt" = $19::timestamptz)
        AND facts."staffNames" = $20::text[]
        AND ($5::int IS NULL OR facts.parent IS NOT NULL)
        AND facts.waiting IS NULL AND facts."storedCopy" IS NULL AND cardinality(facts.blocks) = 0
        AND NOT facts."isDuplicate" AND NOT facts."isPreviouslyApprovedCommenter" AND facts."lastStoredBySenderAt" IS NULL
        AND facts.attempts <= $21::int
      THEN (
        SELECT json_build_object('id', s.id, 'lastStoredAt', s."lastStoredAt", 'checkedAt', s."checkedAt")
        FROM store_comment($15::jsonb || jsonb_build_object('depth', COALESCE((SELECT depth + 1 FROM parent), 0)), $16::int, $8::timestamptz) s
      ) END AS stored
    FROM facts
  `,
);

/** store_comment's answer (prisma/migrations/…_store_comment_function): the new comment's id, or null when the sender
 * had one stored within the flood interval (lastStoredAt), as checked at checkedAt. */
export type StoreAnswer = { id: number | null; lastStoredAt: Date | null; checkedAt: Date };

/** A counter row to take one point from (lib/rate-limit.ts: postgresCounterRow), and its window. */
export type AttemptCounter = { row: string; windowSeconds: number };

/**
 * A comment to store in the facts statement itself, so that a submission waits for the database once: checked
 * beforehand on the facts last read (assumeUsualFacts), it is stored only if every one of those facts still holds,
 * which makes the checks' outcome on the facts read the very one predicted.
 */
export type Prediction = { comment: object; floodSeconds: number; attemptsPerMinute: number; assumed: AssumedFacts };

async function readFacts(
  comment: FactsComment,
  now: Date,
  idempotencyKey: string | null,
  attempt: AttemptCounter | null,
  prediction: Prediction | null = null,
): Promise<FactsRow> {
  const email = comment.email;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const { rows } = await getPool().query<FactsRow>({
    ...FACTS_STATEMENT,
    values: [
      comment.articleId,
      email,
      comment.body,
      comment.clientHash,
      comment.parentId,
      idempotencyKey,
      domain,
      now,
      rolesThat("moderate"),
      DEFAULT_COMMENT_SETTINGS.floodIntervalSeconds,
      DEFAULT_COMMENT_SETTINGS.requireEmailConfirmation,
      attempt?.row ?? null,
      now.getTime(),
      (attempt?.windowSeconds ?? 0) * 1000,
      prediction && JSON.stringify(prediction.comment),
      prediction?.floodSeconds ?? null,
      prediction?.assumed.settingsText ?? null,
      prediction?.assumed.commentsOpen ?? null,
      prediction?.assumed.publishedAtText ?? null,
      prediction?.assumed.staffNames ?? null,
      prediction?.attemptsPerMinute ?? null,
    ],
  });
  const row = rows[0]!;
  remember(comment.articleId, row);
  return row;
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
    // The names just read (remember, in readFacts), folded once per change.
    staffNameSkeletons: seenStaffNameSkeletons(),
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

/** A new submission's settings, context and, when its article takes comments, the pipeline's facts. */
export async function gatherSubmissionFacts(
  comment: FactsComment,
  context: { formToken: string | null; now: Date; idempotencyKey: string | null; attempt: AttemptCounter | null; prediction: Prediction | null },
): Promise<
  SubmissionContext & {
    settings: CommentSettings;
    moderatorsWantMail: boolean;
    attempts: number | null;
    facts: PipelineFacts | null;
    stored: StoreAnswer | null;
  }
> {
  const row = await readFacts(comment, context.now, context.idempotencyKey, context.attempt, context.prediction);
  const stored = row.stored && {
    id: row.stored.id,
    lastStoredAt: row.stored.lastStoredAt === null ? null : new Date(row.stored.lastStoredAt),
    checkedAt: new Date(row.stored.checkedAt),
  };
  const settings = settingsFrom(row.settings);
  const formToken =
    context.formToken === null
      ? null
      : checkFormToken(context.formToken, comment.articleId, { minSeconds: settings.minFormSeconds, now: context.now.getTime() });
  const article = row.article && { ...row.article, publishedAt: row.article.publishedAt === null ? null : new Date(row.article.publishedAt) };
  const facts = article?.publishedAt
    ? pipelineFacts(comment, row, { settings, formToken, now: context.now, article: { commentsOpen: article.commentsOpen, publishedAt: article.publishedAt } })
    : null;
  return {
    settings,
    moderatorsWantMail: row.moderatorsWantMail,
    attempts: row.attempts,
    article,
    parent: row.parent,
    storedCopy: row.storedCopy,
    facts,
    stored,
  };
}

/** The pipeline's facts about a stored comment, checked again (when its author confirms their address). */
export async function gatherFacts(
  comment: FactsComment,
  context: { formToken: FormTokenCheck | null; article: { commentsOpen: boolean; publishedAt: Date }; now: Date },
): Promise<PipelineFacts> {
  const row = await readFacts(comment, context.now, null, null);
  return pipelineFacts(comment, row, { ...context, settings: settingsFrom(row.settings) });
}
