"use server";

import { redirect } from "next/navigation";
import { expireCommentPages } from "@/lib/cache-expiry";
import { spendReviewLink } from "@/lib/data/moderation/review-links";
import { rejectionReasonSchema } from "@/lib/validation/moderation";

export type ReviewResult = { ok: false; message: string } | null;

// The link itself is the credential (signed for one staff member, one comment, one decision, checked against the
// database and spent here); the console's own session is not needed, so it works from a phone's mail app.
export async function reviewCommentAction(_previous: ReviewResult, formData: FormData): Promise<ReviewResult> {
  if (!(formData instanceof FormData)) return { ok: false, message: "That request was not understood." };
  const reason = rejectionReasonSchema.safeParse(formData.get("reason") ?? "");
  if (!reason.success) return { ok: false, message: reason.error.issues[0]?.message ?? "The reason is not valid." };
  const outcome = await spendReviewLink(formData.get("token"), reason.data);
  if (!outcome.ok) return outcome;
  const { result } = outcome;
  if (!result.ok) return { ok: false, message: result.message };
  expireCommentPages([result.articleId]);
  // The link is spent now: the answer is a page of its own, without the token.
  redirect(`/admin/review?done=${result.to}`);
}
