"use server";

import { redirect } from "next/navigation";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { blockCommentSender } from "@/lib/data/comment-history";
import { blockSenderSchema } from "@/lib/validation/moderation";

// A plain form post (works without JavaScript); the answer is the same page, showing the new block.
export async function blockSenderAction(formData: FormData): Promise<void> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const parsed = blockSenderSchema.safeParse({
    commentId: formData.get("commentId"),
    kind: formData.get("kind"),
    mode: formData.get("mode"),
    days: formData.get("days") ?? "",
    reason: formData.get("reason") ?? "",
  });
  if (!parsed.success) redirect("/admin?error=block");
  const { commentId, days, ...block } = parsed.data;
  const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000);
  await blockCommentSender(staff.id, commentId, { ...block, expiresAt });
  redirect(`/admin/comments/${commentId}?blocked=1`);
}
