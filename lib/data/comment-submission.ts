import "server-only";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkFormToken, type FormTokenCheck } from "@/lib/comments/form-token";
import { getCommentSettings } from "@/lib/data/settings";
import { runPipeline, type PipelineFacts, type Refusal } from "@/lib/moderation/pipeline";
import { nameSkeleton } from "@/lib/moderation/text-match";
import { consumeRateLimit, resetRateLimit } from "@/lib/rate-limit";
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
  | { ok: true; id: number; status: StoredStatus; articleId: number; articleSlug: string; replayed: boolean }
  | { ok: false; refusal: Refusal };

const UNAVAILABLE_PARENT: Refusal = {
  status: 400,
  code: "parent_unavailable",
  message: "The comment you are replying to is not available",
  field: "form",
};
const IN_PROGRESS: Refusal = { status: 409, code: "in_progress", message: "This comment is already being posted.", field: "form" };
const CLOSED: Refusal = { status: 403, code: "comments_closed", message: "Comments are closed on this article.", field: "form" };

// Runs a submission through the moderation pipeline and stores it at most once per form token.
export async function submitComment(submission: Submission): Promise<SubmissionResult> {
  const settings = await getCommentSettings();
  const formToken = submission.formToken
    ? checkFormToken(submission.formToken, submission.articleId, serverEnv().NEXTAUTH_SECRET, { minSeconds: settings.minFormSeconds })
    : null;
  const idempotencyKey = formToken?.ok ? `form:${formToken.nonce}` : (submission.idempotencyKey ?? null);
  if (!idempotencyKey) return storeThroughPipeline(submission, formToken, null);

  const earlier = await findByIdempotencyKey(idempotencyKey);
  if (earlier) return earlier;
  // The same form arriving twice at once (a double click, a retry): one request claims the key and goes through
  // the pipeline; the others wait for its comment and answer the same, so flood control never sees a duplicate.
  if (!(await claimKey(idempotencyKey))) {
    return (await waitForIdempotentComment(idempotencyKey)) ?? { ok: false, refusal: IN_PROGRESS };
  }
  const result = await storeThroughPipeline(submission, formToken, idempotencyKey);
  if (!result.ok) await releaseKey(idempotencyKey);
  return result;
}

const CLAIM_SECONDS = 60;
const claimKey = async (key: string) => (await consumeRateLimit("comment-claim", [key], 1, CLAIM_SECONDS)) === 0;
const releaseKey = (key: string) => resetRateLimit("comment-claim", key, 1, CLAIM_SECONDS);

async function waitForIdempotentComment(key: string): Promise<SubmissionResult | null> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const found = await findByIdempotencyKey(key);
    if (found) return found;
  }
  return null;
}

async function storeThroughPipeline(
  submission: Submission,
  formToken: FormTokenCheck | null,
  idempotencyKey: string | null,
): Promise<SubmissionResult> {
  const db = getDb();
  const settings = await getCommentSettings();
  const now = new Date();
  const article = await db.article.findFirst({
    where: { id: submission.articleId, status: "PUBLISHED", publishedAt: { not: null } },
    select: { slug: true, commentsOpen: true, publishedAt: true },
  });
  if (!article?.publishedAt) return { ok: false, refusal: CLOSED };
  const placement = await placeReply(submission, settings.maxThreadDepth);
  if (!placement) return { ok: false, refusal: UNAVAILABLE_PARENT };

  const email = submission.email.toLowerCase();
  const facts: PipelineFacts = {
    settings,
    now,
    article: { commentsOpen: article.commentsOpen, publishedAt: article.publishedAt },
    formToken,
    honeypotFilled: submission.honeypot.trim() !== "",
    staffNameSkeletons: (await db.staffUser.findMany({ where: { active: true }, select: { name: true } })).map((staff) => nameSkeleton(staff.name)),
    blocks: await db.block.findMany({
      where: {
        OR: [
          { kind: "EMAIL", value: email },
          { kind: "DOMAIN", value: email.slice(email.lastIndexOf("@") + 1) },
          { kind: "CLIENT", value: submission.clientHash },
        ],
        AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
      },
      select: { kind: true, mode: true },
    }),
    floodRetryAfterSeconds: 0,
    isDuplicate:
      (await db.comment.count({
        where: { articleId: submission.articleId, authorEmail: submission.email, body: submission.body, status: { not: "TRASH" } },
      })) > 0,
    isPreviouslyApprovedCommenter:
      (await db.comment.count({
        where: {
          authorEmail: submission.email,
          status: "APPROVED",
          ...(settings.requireEmailConfirmation ? { confirmedAt: { not: null } } : {}),
        },
      })) > 0,
  };

  let outcome = runPipeline(submission, facts);
  if (outcome.decision === "refuse") return { ok: false, refusal: outcome.refusal };
  // Flood control counts only submissions that got this far, so a refused form does not lock its author out.
  const wait = await consumeRateLimit("comment-flood", [`client:${submission.clientHash}`, `email:${email}`], 1, settings.floodIntervalSeconds);
  if (wait > 0) {
    outcome = runPipeline(submission, { ...facts, floodRetryAfterSeconds: wait });
    if (outcome.decision === "refuse") return { ok: false, refusal: outcome.refusal };
  }

  const status: StoredStatus = settings.requireEmailConfirmation ? "UNCONFIRMED" : outcome.decision === "approve" ? "APPROVED" : "PENDING";
  try {
    const created = await db.comment.create({
      data: {
        articleId: submission.articleId,
        parentId: placement.parentId,
        depth: placement.depth,
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
      },
      select: { id: true },
    });
    return { ok: true, id: created.id, status, articleId: submission.articleId, articleSlug: article.slug, replayed: false };
  } catch (error) {
    // The same form sent twice at once: the second insert loses the race and answers like the first.
    if (idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const earlier = await findByIdempotencyKey(idempotencyKey);
      if (earlier) return earlier;
    }
    throw error;
  }
}

async function findByIdempotencyKey(idempotencyKey: string): Promise<SubmissionResult | null> {
  const row = await getDb().comment.findUnique({
    where: { idempotencyKey },
    select: { id: true, status: true, articleId: true, article: { select: { slug: true } } },
  });
  if (!row) return null;
  const status: StoredStatus = row.status === "APPROVED" || row.status === "UNCONFIRMED" ? row.status : "PENDING";
  return { ok: true, id: row.id, status, articleId: row.articleId, articleSlug: row.article.slug, replayed: true };
}

// Replies go only to approved comments of the same article; past the depth limit they attach to the deepest
// allowed level, next to the comment they answer.
async function placeReply(submission: Submission, maxDepth: number): Promise<{ parentId: number | null; depth: number } | null> {
  if (submission.parentId === null) return { parentId: null, depth: 0 };
  const parent = await getDb().comment.findFirst({
    where: { id: submission.parentId, articleId: submission.articleId, status: "APPROVED" },
    select: { id: true, parentId: true, depth: true },
  });
  if (!parent) return null;
  if (parent.depth + 1 < maxDepth) return { parentId: parent.id, depth: parent.depth + 1 };
  return { parentId: parent.parentId, depth: parent.depth };
}
