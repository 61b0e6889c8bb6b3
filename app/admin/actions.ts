"use server";

import { refresh } from "next/cache";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { moderateComments, undoLastBatch } from "@/lib/data/moderation";
import { sendApprovalNotifications } from "@/lib/mail/comment-mails";
import { dismissReports } from "@/lib/data/report-review";
import { replyAsStaff } from "@/lib/data/staff-replies";
import { dismissReportsSchema, moderateSelectionSchema, staffReplySchema } from "@/lib/validation/moderation";
import { expireCommentPages } from "@/lib/cache-expiry";

export type ModerationResult = { ok: boolean; message: string; at: number } | null;

const DONE: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  spam: "Marked as spam",
  trash: "Moved to trash",
  unapprove: "Moved back to pending",
  restore: "Restored to pending",
};

function answer(ok: boolean, message: string): ModerationResult {
  return { ok, message, at: Date.now() };
}

// Public POST endpoints like any server action: the staff member is re-read from the database on every call, and
// anyone who is not (or no longer) active staff is sent to the sign-in page with nothing changed.
export async function moderateSelectionAction(_previous: ModerationResult, formData: FormData): Promise<ModerationResult> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  if (!(formData instanceof FormData)) return answer(false, "That request was not understood. Please reload the page.");

  const parsed = moderateSelectionSchema.safeParse({
    action: formData.get("action"),
    items: formData.getAll("item"),
    reason: formText(formData.get("reason")),
  });
  if (!parsed.success) return answer(false, parsed.error.issues[0]?.message ?? "That request was not understood. Please reload the page.");

  const { results } = await moderateComments(staff.id, parsed.data.action, parsed.data.items, parsed.data.action === "reject" ? parsed.data.reason : null);
  const done = results.filter(({ result }) => result.ok);
  expireCommentPages(done.flatMap(({ result }) => (result.ok ? [result.articleId] : [])));
  for (const { commentId, result } of done) {
    if (result.ok && result.to === "APPROVED") after(() => sendApprovalNotifications(commentId));
  }
  const failed = results.filter(({ result }) => !result.ok);
  if (failed.length === 0) {
    return answer(true, `${DONE[parsed.data.action]}${results.length > 1 ? `: ${results.length} comments` : ""}. Press u to undo.`);
  }
  const first = failed[0]!.result;
  const reason = first.ok ? "" : first.message;
  if (results.length === 1) return answer(false, reason);
  return answer(false, `${DONE[parsed.data.action]}: ${done.length} of ${results.length}. ${failed.length} not changed: ${reason}`);
}

function formText(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" ? value : null;
}

export async function replyAsStaffAction(_previous: ModerationResult, formData: FormData): Promise<ModerationResult> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  if (!(formData instanceof FormData)) return answer(false, "That request was not understood. Please reload the page.");
  const parsed = staffReplySchema.safeParse({ commentId: formData.get("commentId"), body: formData.get("body") });
  if (!parsed.success) return answer(false, parsed.error.issues[0]?.message ?? "Please write a reply.");
  const result = await replyAsStaff(staff, parsed.data.commentId, parsed.data.body);
  if (!result.ok) return answer(false, result.message);
  expireCommentPages([result.articleId]);
  after(async () => {
    if (result.approvedParentId) await sendApprovalNotifications(result.approvedParentId);
    await sendApprovalNotifications(result.id);
  });
  return answer(true, "Your reply is published.");
}

export async function undoAction(): Promise<ModerationResult> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const result = await undoLastBatch(staff.id);
  if (!result) return answer(false, "There is nothing of yours to undo.");
  expireCommentPages(result.articleIds);
  const skipped = result.skipped > 0 ? ` ${result.skipped} had been changed since and were left as they are.` : "";
  return answer(true, `Undone: ${result.undone} comment${result.undone === 1 ? "" : "s"}.${skipped}`);
}

// Readers' reports judged unfounded: closed, and a comment they hid goes back on the page. Audited; not part of undo.
export async function dismissReportsAction(_previous: ModerationResult, formData: FormData): Promise<ModerationResult> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  if (!(formData instanceof FormData)) return answer(false, "That request was not understood. Please reload the page.");
  const parsed = dismissReportsSchema.safeParse({ item: formData.get("item") });
  if (!parsed.success) return answer(false, "That request was not understood. Please reload the page.");
  const { commentId, expectedStatus } = parsed.data.item;
  const result = await dismissReports(staff.id, commentId, expectedStatus);
  if (!result.ok) return answer(false, result.message);
  // Public pages change only when the comment comes back; the queue changes either way.
  if (result.republished) expireCommentPages([result.articleId]);
  else refresh();
  return answer(true, result.republished ? "Reports dismissed: the comment is published again." : "Reports dismissed.");
}
