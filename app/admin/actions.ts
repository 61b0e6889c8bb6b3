"use server";

import { updateTag } from "next/cache";
import { after } from "next/server";
import { commentChangeTags } from "@/lib/cache-tags";
import { formFields } from "@/lib/comments/form-fields";
import { getCurrentStaff } from "@/lib/auth";
import { moderateComment } from "@/lib/data/moderation";
import { sendApprovalNotifications } from "@/lib/mail/comment-mails";
import { moderateCommentSchema } from "@/lib/validation/moderation";

export type ModerationResult = { ok: boolean; message: string } | null;

const DONE: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  spam: "Marked as spam",
  trash: "Moved to trash",
  unapprove: "Moved back to pending",
  restore: "Restored to pending",
};

// A public POST endpoint like any server action: the staff member is re-read from the database on every call.
export async function moderateCommentAction(_previous: ModerationResult, formData: FormData): Promise<ModerationResult> {
  const staff = await getCurrentStaff();
  if (!staff) return { ok: false, message: "Your session has ended or your access was removed. Please sign in again." };

  const parsed = moderateCommentSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: "That request was not understood. Please reload the page." };

  const result = await moderateComment({ staffUserId: staff.id, ...parsed.data });
  if (!result.ok) return { ok: false, message: result.message };

  commentChangeTags(result.articleId).forEach((tag) => updateTag(tag));
  if (result.to === "APPROVED") after(() => sendApprovalNotifications(parsed.data.commentId));
  return { ok: true, message: DONE[parsed.data.action] ?? "Done" };
}
