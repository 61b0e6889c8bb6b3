"use server";

import { redirect } from "next/navigation";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { blockCommentSender, deleteCommentForGood, editCommentText } from "@/lib/data/comment-history";
import { blockSenderSchema, staffReplySchema } from "@/lib/validation/moderation";
import { expireCommentPages } from "@/lib/cache-expiry";

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

export async function editCommentAction(formData: FormData): Promise<void> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const parsed = staffReplySchema.safeParse({ commentId: formData.get("commentId"), body: formData.get("body") });
  if (!parsed.success) redirect(`/admin/comments/${Number(formData.get("commentId")) || ""}?error=edit`);
  const edited = await editCommentText(staff.id, parsed.data.commentId, parsed.data.body);
  if (edited) expireCommentPages([edited.articleId]);
  redirect(`/admin/comments/${parsed.data.commentId}?edited=1`);
}

// Admins only: a deleted comment cannot be restored.
export async function deleteCommentAction(formData: FormData): Promise<void> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const commentId = Number(formData.get("commentId"));
  if (staff.role !== "ADMIN" || !Number.isSafeInteger(commentId) || commentId <= 0) redirect("/admin");
  const deleted = await deleteCommentForGood(staff.id, commentId);
  if (deleted) expireCommentPages([deleted.articleId]);
  redirect("/admin?deleted=1");
}
