import "server-only";
import { checkFormToken } from "@/lib/comments/form-token";
import { gatherSubmissionFacts, type Prediction, type StoreAnswer } from "@/lib/data/comments/comment-facts";
import {
  answerWithCopyStoredFirst,
  answerWithStoredCopy,
  findByIdempotencyKey,
  formIdempotencyKey,
  STORED_MEANWHILE,
} from "@/lib/data/comments/submission-copies";
import { assumeUsualFacts } from "@/lib/data/comments/usual-facts";
import { getPool, preparedStatement } from "@/lib/db";
import { CLOSED, floodRefusal, floodRefusalAfter, runPipeline, type Refusal } from "@/lib/moderation/pipeline";
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
  // An empty token is no token: sent by a program, held for that reason.
  const formToken = submission.formToken || null;
  // With the counter in Redis the attempt is counted after the facts are read, and before anything is stored.
  const prediction = attempt === null ? null : predictStore(submission, { formToken, now, idempotencyKey });
  const result = await checkAndStore(submission, { formToken, now, idempotencyKey, attempt, prediction });
  // A copy stored meanwhile makes this one a duplicate, or too soon after it: the answer is that copy's.
  if (!result.ok && idempotencyKey && STORED_MEANWHILE.has(result.refusal.code)) return (await findByIdempotencyKey(idempotencyKey, submission)) ?? result;
  return result;
}

// The facts are read, and when the prediction holds the comment is stored by the same statement; otherwise the
// pipeline runs on the facts read and the comment is stored by a statement of its own.
async function checkAndStore(
  submission: Submission,
  context: Parameters<typeof gatherSubmissionFacts>[1] & { prediction: StorePrediction | null },
): Promise<SubmissionResult> {
  const { idempotencyKey, prediction } = context;
  let read: Awaited<ReturnType<typeof gatherSubmissionFacts>>;
  try {
    read = await gatherSubmissionFacts(submission, context);
  } catch (error) {
    if (prediction) return answerWithCopyStoredFirst(error, idempotencyKey, submission);
    throw error;
  }
  if (idempotencyKey && read.storedCopy) return answerWithStoredCopy(read.storedCopy, idempotencyKey, submission);
  if (!read.stored || !prediction) return storeThroughPipeline(submission, read, idempotencyKey);
  const created = storedOrRefused(read.stored, prediction.floodSeconds);
  if ("refusal" in created) return { ok: false, refusal: created.refusal };
  return accepted(created.id, prediction.comment.status, { id: submission.articleId, slug: read.article!.slug }, read.moderatorsWantMail);
}

// The answer for a comment this submission stored (or, unconfirmed, found waiting and sends its mail again).
function accepted(id: number, status: StoredStatus, article: { id: number; slug: string }, moderatorsWantMail: boolean): SubmissionResult {
  const hasMailToSend = status !== "PENDING" || moderatorsWantMail;
  return { ok: true, id, status, articleId: article.id, articleSlug: article.slug, replayed: false, hasMailToSend };
}

type StorePrediction = Prediction & { comment: NewComment };

// The checks run before the facts are read, on the facts as they usually are (usual-facts.ts: assumeUsualFacts).
// A comment they would store goes with the facts statement, which stores it only if those facts hold.
function predictStore(submission: Submission, context: { formToken: string | null; now: Date; idempotencyKey: string | null }): StorePrediction | null {
  const usual = assumeUsualFacts(submission, context);
  if (!usual) return null;
  const outcome = runPipeline(submission, usual.facts);
  if (outcome.decision !== "approve" && outcome.decision !== "hold") return null;
  const { settings } = usual.facts;
  // The depth is the parent's, which the statement reads.
  const comment = newComment(submission, statusAfter(outcome.decision, settings), outcome.reasons, null, context.idempotencyKey);
  return { comment, floodSeconds: settings.floodIntervalSeconds, attemptsPerMinute: settings.attemptsPerMinute, assumed: usual.assumed };
}

function statusAfter(decision: "approve" | "hold", settings: { requireEmailConfirmation: boolean }): StoredStatus {
  return settings.requireEmailConfirmation ? "UNCONFIRMED" : decision === "approve" ? "APPROVED" : "PENDING";
}

function newComment(
  submission: Submission,
  status: StoredStatus,
  heldReasons: string[],
  parent: { id: number; depth: number } | null,
  idempotencyKey: string | null,
): NewComment {
  return {
    articleId: submission.articleId,
    parentId: parent?.id ?? submission.parentId,
    depth: parent ? parent.depth + 1 : 0,
    authorName: submission.name,
    authorEmail: submission.email,
    authorWebsite: submission.website,
    body: submission.body,
    status,
    heldReasons,
    clientHash: submission.clientHash,
    idempotencyKey,
    notifyOnApproval: submission.notifyOnApproval,
    notifyOnReply: submission.notifyOnReply,
  };
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
  const target = { id: submission.articleId, slug: article.slug };
  // (A copy of this very form stored under its key was answered as a replay before this.)
  if (outcome.decision === "resend") return accepted(outcome.waitingId, "UNCONFIRMED", target, moderatorsWantMail);

  const status = statusAfter(outcome.decision, settings);
  const data = newComment(submission, status, outcome.reasons, parent, idempotencyKey);
  try {
    const created = storedOrRefused(await storeComment(data, settings.floodIntervalSeconds), settings.floodIntervalSeconds);
    if ("refusal" in created) return { ok: false, refusal: created.refusal };
    return accepted(created.id, status, target, moderatorsWantMail);
  } catch (error) {
    return answerWithCopyStoredFirst(error, idempotencyKey, submission);
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

// One statement stores the comment (prisma/migrations/…_store_comment_function): with a flood interval, copies of
// other comments sent by the same sender at the same moment take turns there (the pipeline's flood check read the
// sender's last comment before any of them was stored), and each looks again before storing. Prepared once per
// connection, like the facts (lib/data/comments/comment-facts.ts).
const STORE_STATEMENT = preparedStatement(
  "comment-submission-store",
  `SELECT id, "lastStoredAt", "checkedAt" FROM store_comment($1::jsonb, $2::int, $3::timestamptz)`,
);

async function storeComment(data: NewComment, floodSeconds: number): Promise<StoreAnswer> {
  const { rows } = await getPool().query<StoreAnswer>({ ...STORE_STATEMENT, values: [JSON.stringify(data), floodSeconds, new Date()] });
  return rows[0]!;
}

function storedOrRefused({ id, lastStoredAt, checkedAt }: StoreAnswer, floodSeconds: number): { id: number } | { refusal: Refusal } {
  if (id !== null) return { id };
  return { refusal: floodRefusalAfter(lastStoredAt, floodSeconds, checkedAt) ?? floodRefusal(1) };
}
