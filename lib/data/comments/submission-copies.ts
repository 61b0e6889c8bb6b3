import "server-only";
import { createHash } from "node:crypto";
import type { StoredCopy } from "@/lib/data/comments/comment-facts";
import type { StoredStatus, Submission, SubmissionResult } from "@/lib/data/comments/comment-submission";
import { submittedCommentSelect } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";
import type { Refusal } from "@/lib/moderation/pipeline";

// A submission sent more than once (a double click, a retry after a lost answer): its idempotency key, and the answer
// a copy gets when another copy's comment is stored under that key (comment-submission.ts).

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

// A copy of this submission stored first (the database waited for it to commit): its comment is the answer.
export async function answerWithCopyStoredFirst(error: unknown, idempotencyKey: string | null, submission: Submission): Promise<SubmissionResult> {
  if (idempotencyKey && isIdempotencyKeyTaken(error)) {
    const earlier = await findByIdempotencyKey(idempotencyKey, submission);
    if (earlier) return earlier;
  }
  throw error;
}

// The refusals a copy of the same submission, stored while this one was checked, would cause.
export const STORED_MEANWHILE = new Set(["duplicate", "flood"]);

// One form, sent twice by the same person with the same words, is one comment. A form on a cached article page read
// without JavaScript carries a token shared by every reader who loaded it, so the token alone would make two
// readers' comments look like one: the key also names the email address, the comment it answers, the text and the
// client, like an API client's own key. Another client is never answered with a stored comment (nor told that an
// address wrote some words): what it sends is judged as a comment of its own. A retry after the reader's network
// changed is therefore judged as a new comment (too soon within the flood interval, else a second one, held like the
// first) rather than a way into someone else's.
const FORM_KEY_PREFIX = "form:";

export function formIdempotencyKey(tokenNonce: string, submission: Submission): string {
  const { articleId, parentId, email, body, clientHash } = submission;
  const digest = createHash("sha256")
    .update(JSON.stringify([tokenNonce, articleId, parentId, email.toLowerCase(), body, clientHash]))
    .digest("base64url");
  return `${FORM_KEY_PREFIX}${digest}`;
}

// The unique idempotency key refused a second copy.
function isIdempotencyKeyTaken(error: unknown): boolean {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === "23505" && constraint === "Comment_idempotencyKey_key";
}

// The comment stored under this key, as the answer to a repeat of the submission that stored it. A repeat is the
// same comment in every field: a key sent again with anything else is refused, so that nobody learns another
// reader's comment by sending its key (an API client's own, or a shared page's form token with that reader's
// address and words).
export function answerWithStoredCopy(row: StoredCopy, idempotencyKey: string, submission: Submission): SubmissionResult {
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

export async function findByIdempotencyKey(idempotencyKey: string, submission: Submission): Promise<SubmissionResult | null> {
  const row = await getDb().comment.findUnique({
    where: { idempotencyKey },
    select: { id: true, status: true, ...submittedCommentSelect, article: { select: { slug: true } } },
  });
  return row && answerWithStoredCopy({ ...row, articleSlug: row.article.slug }, idempotencyKey, submission);
}
