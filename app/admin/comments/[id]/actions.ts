"use server";

import { z } from "zod";
import { expireCommentPages } from "@/lib/cache-expiry";
import { blockCommentSender, deleteCommentForGood, editCommentText } from "@/lib/data/moderation/comment-history";
import { staffFormAction } from "@/lib/staff/staff-action";
import { blockSenderSchema, staffReplySchema } from "@/lib/validation/moderation";
import { recordId } from "@/lib/validation/primitives";

// Plain form posts (they work without JavaScript); the answer is the comment's page again, showing the change.

export const blockSenderAction = staffFormAction(
  {
    parse: (fields) => blockSenderSchema.safeParse(fields),
    read: (formData) => ({
      commentId: formData.get("commentId"),
      kind: formData.get("kind"),
      mode: formData.get("mode"),
      days: formData.get("days") ?? "",
      reason: formData.get("reason") ?? "",
    }),
    refused: () => "/admin?error=block",
  },
  async (staff, { commentId, days, ...block }) => {
    const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000);
    await blockCommentSender(staff.id, commentId, { ...block, expiresAt });
    return `/admin/comments/${commentId}?blocked=1`;
  },
);

export const editCommentAction = staffFormAction(
  {
    parse: (fields) => staffReplySchema.safeParse(fields),
    read: (formData) => ({ commentId: formData.get("commentId"), body: formData.get("body") }),
    refused: (formData) => `/admin/comments/${(formData instanceof FormData && Number(formData.get("commentId"))) || ""}?error=edit`,
  },
  async (staff, { commentId, body }) => {
    const edited = await editCommentText(staff.id, commentId, body);
    if (edited) expireCommentPages([edited.articleId]);
    return `/admin/comments/${commentId}?edited=1`;
  },
);

// Admins only: a deleted comment cannot be restored.
export const deleteCommentAction = staffFormAction(
  {
    adminOnly: { refusal: "Only administrators can delete comments for good." },
    parse: (fields) => z.object({ commentId: recordId }).safeParse(fields),
    refused: () => "/admin",
  },
  async (staff, { commentId }) => {
    const deleted = await deleteCommentForGood(staff.id, commentId);
    if (deleted) expireCommentPages([deleted.articleId]);
    return "/admin?deleted=1";
  },
);
