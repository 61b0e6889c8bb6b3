"use server";

import { z } from "zod";
import { expireCommentPages } from "@/lib/cache-expiry";
import { blockCommentSender, deleteCommentForGood, editCommentText } from "@/lib/data/moderation/comment-history";
import { decideOnComments } from "@/lib/staff/moderation-decisions";
import { MODERATORS, staffFormAction } from "@/lib/staff/staff-action";
import { blockSenderSchema, moderateSelectionSchema, staffReplySchema } from "@/lib/validation/moderation";
import { recordId } from "@/lib/validation/primitives";

// Plain form posts (they work without JavaScript); the answer is the comment's page again, showing the change.

/** The comment's page with an error to show, or the queue when the form did not even name a comment. */
function backToComment(formData: unknown, error: string): string {
  const id = formData instanceof FormData ? recordId.safeParse(formData.get("commentId")) : null;
  return id?.success ? `/admin/comments/${id.data}?error=${error}` : "/admin";
}

// A decision taken on the comment's own page (approve, reject with the reason shown to the commenter, spam), through
// the same compare-and-set as the queue: if another moderator moved the comment first, nothing changes.
export const decideCommentAction = staffFormAction(
  {
    needs: MODERATORS,
    parse: (fields) => moderateSelectionSchema.safeParse(fields),
    read: (formData) => ({ action: formData.get("action"), items: formData.getAll("item"), reason: formData.get("reason") ?? "" }),
    refused: (formData) => backToComment(formData, "decision"),
  },
  async (staff, { action, items, reason }) => {
    const [decided] = await decideOnComments(staff.id, action, items, reason);
    const id = items[0]!.commentId;
    return decided?.result.ok ? `/admin/comments/${id}?decided=${action}` : `/admin/comments/${id}?error=decision`;
  },
);

export const blockSenderAction = staffFormAction(
  {
    needs: MODERATORS,
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
    needs: MODERATORS,
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

// Admins only, and only with the confirming box ticked: a deleted comment cannot be restored.
export const deleteCommentAction = staffFormAction(
  {
    needs: { capability: "administer", refusal: "Only administrators can delete comments for good." },
    parse: (fields) => z.object({ commentId: recordId, confirm: z.literal("yes") }).safeParse(fields),
    read: (formData) => ({ commentId: formData.get("commentId"), confirm: formData.get("confirm") }),
    refused: (formData) => `${backToComment(formData, "delete")}#delete`,
  },
  async (staff, { commentId }) => {
    const deleted = await deleteCommentForGood(staff.id, commentId);
    if (deleted) expireCommentPages([deleted.articleId]);
    return "/admin?deleted=1";
  },
);
