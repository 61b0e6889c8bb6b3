import "server-only";
import { createHash } from "node:crypto";
import { checkFormToken } from "@/lib/comments/form-token";
import { gatherSubmissionFacts, type StoredCopy } from "@/lib/data/comments/comment-facts";
import { submittedCommentSelect } from "@/lib/data/comments/dto";
import { getDb, getPool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CLOSED, floodRefusalAfter, runPipeline, type Refusal } from "@/lib/moderation/pipeline";
import { consumeRateLimit, postgresCounterRow } from "@/lib/rate-limit";
import type { CommentInput } from "@/lib/validation/comment";

export type Submission = CommentInput & {
  /** The signed token of the comment form; the JSON API may leave it out. */
  formToken: string | null;
  /** An API client's own idempotency key, used when there is no form token. */
  idempotencyKey?: string | null;
  honeypot: string;
  notifyOnApproval: boolean;
  notifyOnReply: boolean;
  clientHash: string;
};

export type StoredStatus = "APPROVED" | "PENDING" | "UNCONFIRMED";

export type SubmissionResult =
  | {
      ok: true;
      id: number;
      status: StoredStatus;
      articleId: number;
      articleSlug: string;
      replayed: boolean;
      /** Whether a mail may follow the answer (to the commenter, or to moderators who want one per held comment). */
      hasMailToSend: boolean;
    }
  | { ok: false; refusal: Refusal };

// A client's submissions of any outcome, counted per minute (settings.attemptsPerMinute).
const ATTEMPTS = "comment-attempts";
const ATTEMPT_WINDOW_SECONDS = 60;
const TOO_MANY_ATTEMPTS: Refusal = {
  status: 429,
  code: "attempts",
  message: "Too many attempts. Please wait a minute and try again.",
  field: "form",
  retryAfterSeconds: 60,
};
// An API client's key sent again with another comment: the IETF Idempotency-Key draft's 422.
const KEY_REUSED: Refusal = {
  status: 422,
  code: "idempotency_key_reused",
  message: "This Idempotency-Key was already used for a different comment.",
  field: "form",
};
// The same form, address and words as a stored comment, sent with another name or website: the comment is someone's
// already, and is not shown to whoever sent this.
const ALREADY_POSTED: Refusal = { status: 409, code: "duplicate", message: "You have already posted this comment.", field: "body" };

// Runs a submission through the moderation pipeline and stores it at most once per idempotency key.
// Nothing but the attempt is counted before the comment is stored, so a request that dies on the way (a dropped
// connection, a killed server) leaves nothing behind, and its retry is judged as if it were the first. Copies sent
// at the same moment all run the checks; the unique idempotency key lets one of them store, and the others answer
// with its comment.
export async function submitComment(submission: Submission): Promise<SubmissionResult> {
  const now = new Date();
  // The token's signature and age give its nonce; whether it came back too soon is judged with the settings, which
  // are read with the facts.
  const signed = submission.formToken ? checkFormToken(submission.formToken, submission.articleId, { minSeconds: 0, now: now.getTime() }) : null;
  const idempotencyKey = signed?.ok ? formIdempotencyKey(signed.nonce, submission) : (submission.idempotencyKey ?? null);
  // Counted in the same statement when the counters are in PostgreSQL, else in Redis before the pipeline runs.
  const counterRow = postgresCounterRow(ATTEMPTS, submission.clientHash);
  const attempt = counterRow === null ? null : { row: counterRow, windowSeconds: ATTEMPT_WINDOW_SECONDS };
  const read = await gatherSubmissionFacts(submission, { formToken: submission.formToken, now, idempotencyKey, attempt });
  if (idempotencyKey && read.storedCopy) return answerWithStoredCopy(read.storedCopy, idempotencyKey, submission);
  const result = await storeThroughPipeline(submission, read, idempotencyKey);
  // A copy stored meanwhile makes this one a duplicate, or too soon after it: the answer is that copy's.
  if (!result.ok && idempotencyKey) return (await findByIdempotencyKey(idempotencyKey, submission)) ?? result;
  return result;
}

// One form, sent twice by the same person with the same words, is one comment. A form on a cached article page read
// without JavaScript carries a token shared by every reader who loaded it, so the token alone would make two
// readers' comments look like one: the key also names the email address, the comment it answers, the text and the
// client, like an API client's own key. Another client is never answered with a stored comment (nor told that an
// address wrote some words): what it sends is judged as a comment of its own. A retry after the reader's network
// changed is therefore judged as a new comment (too soon within the flood interval, else a second one, held like the
// first) rather than a way into someone else's.
const FORM_KEY_PREFIX = "form:";

function formIdempotencyKey(tokenNonce: string, submission: Submission): string {
  const { articleId, parentId, email, body, clientHash } = submission;
  const digest = createHash("sha256")
    .update(JSON.stringify([tokenNonce, articleId, parentId, email.toLowerCase(), body, clientHash]))
    .digest("base64url");
  return `${FORM_KEY_PREFIX}${digest}`;
}

async function storeThroughPipeline(
  submission: Submission,
  { settings, moderatorsWantMail, attempts, article, parent, facts }: Awaited<ReturnType<typeof gatherSubmissionFacts>>,
  idempotencyKey: string | null,
): Promise<SubmissionResult> {
  // Any submission, refused or not, counts here; flood control proper (the pipeline's last check) counts only
  // comments that were stored.
  const tooMany =
    attempts === null
      ? (await consumeRateLimit(ATTEMPTS, [submission.clientHash], settings.attemptsPerMinute, ATTEMPT_WINDOW_SECONDS)) > 0
      : attempts > settings.attemptsPerMinute;
  if (tooMany) return { ok: false, refusal: TOO_MANY_ATTEMPTS };
  // No published article by that id: nothing there takes comments. Whether this one does now is the pipeline's first check.
  if (!article || !facts) return { ok: false, refusal: CLOSED };
  const outcome = runPipeline(submission, facts);
  if (outcome.decision === "refuse") return { ok: false, refusal: outcome.refusal };
  const stored = { articleId: submission.articleId, articleSlug: article.slug, replayed: false };
  // (A copy of this very form stored under its key was answered as a replay before this.)
  if (outcome.decision === "resend") return { ok: true, id: outcome.waitingId, status: "UNCONFIRMED", ...stored, hasMailToSend: true };

  const status: StoredStatus = settings.requireEmailConfirmation ? "UNCONFIRMED" : outcome.decision === "approve" ? "APPROVED" : "PENDING";
  const data: NewComment = {
    articleId: submission.articleId,
    parentId: parent?.id ?? null,
    depth: parent ? parent.depth + 1 : 0,
    authorName: submission.name,
    authorEmail: submission.email,
    authorWebsite: submission.website,
    body: submission.body,
    status,
    heldReasons: outcome.reasons,
    clientHash: submission.clientHash,
    idempotencyKey,
    notifyOnApproval: submission.notifyOnApproval,
    notifyOnReply: submission.notifyOnReply,
  };
  try {
    const created = settings.floodIntervalSeconds > 0 ? await insertUnlessFlooding(data, settings.floodIntervalSeconds) : await insertComment(data);
    if ("refusal" in created) return { ok: false, refusal: created.refusal };
    return { ok: true, id: created.id, status, ...stored, hasMailToSend: status !== "PENDING" || moderatorsWantMail };
  } catch (error) {
    // A copy of this submission stored first (the database waited for it to commit): its comment is the answer.
    if (idempotencyKey && isIdempotencyKeyTaken(error)) {
      const earlier = await findByIdempotencyKey(idempotencyKey, submission);
      if (earlier) return earlier;
    }
    throw error;
  }
}

type NewComment = {
  articleId: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  body: string;
  status: StoredStatus;
  heldReasons: string[];
  clientHash: string;
  idempotencyKey: string | null;
  notifyOnApproval: boolean;
  notifyOnReply: boolean;
};

// The one statement a comment needs when there is no flood interval to keep, prepared once per connection like the
// facts (lib/data/comments/comment-facts.ts). Stamped with the app's clock, as the pipeline's checks are.
const INSERT_STATEMENT = {
  name: "comment-submission-insert",
  text: `
    INSERT INTO "Comment" (
      "articleId", "parentId", depth, "authorName", "authorEmail", "authorWebsite", body, status, "heldReasons",
      "clientHash", "idempotencyKey", "notifyOnApproval", "notifyOnReply", "createdAt"
    ) VALUES (
      $1::int, $2::int, $3::int, $4::text, $5::text, $6::text, $7::text, $8::"CommentStatus", $9::text[],
      $10::text, $11::text, $12::boolean, $13::boolean, $14::timestamptz
    ) RETURNING id
  `,
};

async function insertComment(data: NewComment): Promise<{ id: number }> {
  const { rows } = await getPool().query<{ id: number }>({
    ...INSERT_STATEMENT,
    values: [
      data.articleId,
      data.parentId,
      data.depth,
      data.authorName,
      data.authorEmail,
      data.authorWebsite,
      data.body,
      data.status,
      data.heldReasons,
      data.clientHash,
      data.idempotencyKey,
      data.notifyOnApproval,
      data.notifyOnReply,
      new Date(),
    ],
  });
  return rows[0]!;
}

// The unique idempotency key refused a second copy: through Prisma (P2002) or straight from PostgreSQL (23505).
function isIdempotencyKeyTaken(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === "23505" && constraint === "Comment_idempotencyKey_key";
}

// The pipeline's flood check read the sender's last comment before this request's insert; copies of other comments
// sent by the same sender at the same moment read it too. Here they take turns (a lock per client and per address,
// released with the transaction, so also when its connection dies), and each looks again before storing.
async function insertUnlessFlooding(data: NewComment, intervalSeconds: number): Promise<{ id: number } | { refusal: Refusal }> {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(key)
      FROM (SELECT unnest(ARRAY[hashtextextended(${`flood:client:${data.clientHash}`}, 0), hashtextextended(${`flood:email:${data.authorEmail}`}, 0)]) AS key ORDER BY key) AS keys
    `;
    // The same clock as the pipeline's check: the app's, which also stamps createdAt.
    const now = new Date();
    const [{ last }] = (await tx.$queryRaw<{ last: Date | null }[]>`
      SELECT max("createdAt") AS last FROM "Comment"
      WHERE "createdAt" > ${new Date(now.getTime() - intervalSeconds * 1000)} AND ("clientHash" = ${data.clientHash} OR "authorEmail" = ${data.authorEmail})
    `) as [{ last: Date | null }];
    const refusal = floodRefusalAfter(last, intervalSeconds, now);
    return refusal ? { refusal } : tx.comment.create({ data, select: { id: true } });
  });
}

// The comment stored under this key, as the answer to a repeat of the submission that stored it. A repeat is the
// same comment in every field: a key sent again with anything else is refused, so that nobody learns another
// reader's comment by sending its key (an API client's own, or a shared page's form token with that reader's
// address and words).
function answerWithStoredCopy(row: StoredCopy, idempotencyKey: string, submission: Submission): SubmissionResult {
  const same =
    row.articleId === submission.articleId &&
    row.parentId === submission.parentId &&
    row.authorEmail.toLowerCase() === submission.email.toLowerCase() &&
    row.authorName === submission.name &&
    row.authorWebsite === submission.website &&
    row.body === submission.body;
  if (!same) return { ok: false, refusal: idempotencyKey.startsWith(FORM_KEY_PREFIX) ? ALREADY_POSTED : KEY_REUSED };
  const status: StoredStatus = row.status === "APPROVED" || row.status === "UNCONFIRMED" ? row.status : "PENDING";
  return { ok: true, id: row.id, status, articleId: row.articleId, articleSlug: row.articleSlug, replayed: true, hasMailToSend: false };
}

async function findByIdempotencyKey(idempotencyKey: string, submission: Submission): Promise<SubmissionResult | null> {
  const row = await getDb().comment.findUnique({
    where: { idempotencyKey },
    select: { id: true, status: true, ...submittedCommentSelect, article: { select: { slug: true } } },
  });
  return row && answerWithStoredCopy({ ...row, articleSlug: row.article.slug }, idempotencyKey, submission);
}
