import "server-only";
import { gatherFacts } from "@/lib/data/comments/comment-facts";
import { submittedCommentSelect } from "@/lib/data/comments/dto";
import { getDb } from "@/lib/db";
import { runPipeline } from "@/lib/moderation/pipeline";
import { transition } from "@/lib/moderation/state-machine";

export type ConfirmResult = { ok: true; status: "PENDING" | "APPROVED"; articleId: number; alreadyConfirmed: boolean } | { ok: false };

// Confirming releases the comment: into the queue, or straight onto the page when nothing holds it. Settings,
// word lists, blocks and the article may have changed since it was written, so the pipeline runs again on what
// is true now; what it would refuse now goes to a moderator rather than onto the page. Clicking the link twice
// changes nothing the second time.
export async function confirmComment(id: number): Promise<ConfirmResult> {
  const db = getDb();
  const comment = await db.comment.findUnique({
    where: { id },
    select: {
      status: true,
      confirmedAt: true,
      heldReasons: true,
      ...submittedCommentSelect,
      clientHash: true,
      article: { select: { commentsOpen: true, publishedAt: true } },
    },
  });
  if (!comment) return { ok: false };
  if (comment.status !== "UNCONFIRMED") {
    if (!comment.confirmedAt) return { ok: false };
    return { ok: true, status: comment.status === "APPROVED" ? "APPROVED" : "PENDING", articleId: comment.articleId, alreadyConfirmed: true };
  }

  const reasons = await recheck(comment);
  const next = transition("UNCONFIRMED", reasons.length === 0 ? "confirmAndPublish" : "confirm");
  if (!next.ok) return { ok: false };
  const now = new Date();
  const updated = await db.comment.updateMany({
    where: { id, status: "UNCONFIRMED" },
    data: { status: next.to, confirmedAt: now, statusChangedAt: now, heldReasons: reasons },
  });
  if (updated.count === 0) return confirmComment(id);
  return { ok: true, status: next.to === "APPROVED" ? "APPROVED" : "PENDING", articleId: comment.articleId, alreadyConfirmed: false };
}

type StoredComment = {
  heldReasons: string[];
  articleId: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  authorWebsite: string | null;
  body: string;
  clientHash: string | null;
  article: { commentsOpen: boolean; publishedAt: Date | null };
};

async function recheck(comment: StoredComment): Promise<string[]> {
  if (!comment.article.publishedAt) return [...comment.heldReasons, "refused_at_confirmation"];
  const facts = await gatherFacts(
    {
      articleId: comment.articleId,
      parentId: comment.parentId,
      name: comment.authorName,
      email: comment.authorEmail,
      website: comment.authorWebsite,
      body: comment.body,
      honeypot: "",
      clientHash: comment.clientHash ?? "",
    },
    {
      // The form token was checked when the comment arrived; only its absence still matters.
      formToken: comment.heldReasons.includes("no_form_token") ? null : { ok: true, nonce: "checked", issuedAt: 0 },
      article: { commentsOpen: comment.article.commentsOpen, publishedAt: comment.article.publishedAt },
      now: new Date(),
    },
  );
  const outcome = runPipeline(
    { name: comment.authorName, email: comment.authorEmail, website: comment.authorWebsite, body: comment.body },
    // The comment is stored already: it is not its own duplicate nor its own waiting copy, and it passed flood
    // control when it was sent.
    { ...facts, isDuplicate: false, waitingCopyId: null, lastStoredBySenderAt: null },
  );
  if (outcome.decision === "refuse" || outcome.decision === "resend") return [...new Set([...comment.heldReasons, "refused_at_confirmation"])];
  return outcome.reasons;
}
