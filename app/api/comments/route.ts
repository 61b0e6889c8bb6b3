import { after } from "next/server";
import { expireCommentPages } from "@/lib/cache-expiry";
import { submitComment } from "@/lib/data/comments/comment-submission";
import { serverEnv } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";
import { BodyTooLarge, readBodyWithLimit } from "@/lib/http/read-body";
import { logError } from "@/lib/log";
import { sendMailsAfterSubmission } from "@/lib/mail/comment-mails";
import { commentPath } from "@/lib/mail/links";
import { currentClientAddress, hashClientAddress } from "@/lib/request/client";
import { parseCommentJson, type CommentFieldErrors } from "@/lib/validation/comment";

// POST /api/comments — the comment form's pipeline for programs. Answers (JSON):
// 201 published · 202 held for moderation or awaiting email confirmation · 400 invalid, with per-field `errors`
// 403 comments closed or sender refused · 409 duplicate · 413 body over 32 KiB · 415 not application/json
// 422 Idempotency-Key already used for a different comment · 429 too many comments, with Retry-After
// 503 database unavailable, with Retry-After.
// The answer never contains the commenter's email address.
// Room for the longest comment in any script (5,000 characters of up to 4 bytes each) and the other fields.
const MAX_BODY_BYTES = 32 * 1024;

function answer(status: number, body: object, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const invalid = (errors: CommentFieldErrors) => answer(400, { errors });

// Programs send no Origin; a browser on another site does, and is refused (no cookies are involved, but nobody
// else's page should post comments in its readers' names).
function isSameOriginOrNone(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  try {
    const host = new URL(origin).host;
    return host === request.headers.get("host") || host === new URL(serverEnv().SITE_URL).host;
  } catch {
    return false;
  }
}

export async function POST(request: Request) {
  if (!isSameOriginOrNone(request)) {
    return answer(403, { errors: { form: "Cross-site requests are not accepted" } });
  }
  if (request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() !== "application/json") {
    return answer(415, { errors: { form: "Send the comment as application/json" } });
  }
  let text: string;
  try {
    text = await readBodyWithLimit(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return answer(413, { errors: { form: `The request body must be at most ${MAX_BODY_BYTES} bytes` } });
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid({ form: "The request body is not valid JSON" });
  }
  const parsed = parseCommentJson(json);
  if (!parsed.ok) return invalid(parsed.errors);

  const { token, ...comment } = parsed.value;
  const idempotencyKey = request.headers.get("idempotency-key");
  if (idempotencyKey !== null && !/^[\w-]{8,100}$/.test(idempotencyKey)) {
    return invalid({ form: "Idempotency-Key must be 8 to 100 letters, digits, dashes or underscores" });
  }
  try {
    const clientHash = hashClientAddress(await currentClientAddress());
    const result = await submitComment({
      ...comment,
      formToken: token ?? null,
      // Scoped to the client, so nobody can read or pre-empt another client's key.
      idempotencyKey: idempotencyKey ? `api:${clientHash}:${idempotencyKey}` : null,
      honeypot: "",
      clientHash,
    });
    if (!result.ok) {
      const { status, field = "form", message, retryAfterSeconds } = result.refusal;
      return answer(status, { errors: { [field]: message } }, retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {});
    }
    if (result.status === "APPROVED") expireCommentPages([result.articleId], "route");
    if (!result.replayed && result.hasMailToSend) after(() => sendMailsAfterSubmission(result.id, result.status));
    return answer(result.status === "APPROVED" ? 201 : 202, {
      id: result.id,
      status: { APPROVED: "published", PENDING: "pending", UNCONFIRMED: "unconfirmed" }[result.status],
      url: `/articles/${result.articleSlug}#comment-${result.id}`,
      // The commenter's own link to follow the comment to its outcome (and a refusal's reason).
      statusUrl: commentPath("status", result.id),
      replayed: result.replayed,
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      logError("api-comments-unavailable", error);
      return answer(503, { errors: { form: "Comments cannot be saved right now. Please try again shortly." } }, { "Retry-After": "5" });
    }
    throw error;
  }
}
