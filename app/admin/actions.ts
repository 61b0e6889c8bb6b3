"use server";

import { refresh } from "next/cache";
import { after } from "next/server";
import { expireCommentPages } from "@/lib/cache-expiry";
import { undoLastBatch } from "@/lib/data/moderation/moderation";
import { dismissReports } from "@/lib/data/moderation/report-review";
import { replyAsStaff } from "@/lib/data/moderation/staff-replies";
import { sendOutcomeNotices } from "@/lib/mail/comment-mails";
import { decideOnComments } from "@/lib/staff/moderation-decisions";
import { MODERATORS, NOT_UNDERSTOOD, staffAction, staffCommand, type ActionResult } from "@/lib/staff/staff-action";
import { dismissReportsSchema, moderateSelectionSchema, staffReplySchema } from "@/lib/validation/moderation";

export type ModerationResult = ActionResult | null;

const DONE: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  spam: "Marked as spam",
  trash: "Moved to trash",
  unapprove: "Moved back to pending",
  restore: "Restored to pending",
};

const formText = (value: FormDataEntryValue | null): string | null => (typeof value === "string" ? value : null);

export const moderateSelectionAction = staffAction(
  {
    needs: MODERATORS,
    parse: (fields) => moderateSelectionSchema.safeParse(fields),
    read: (formData) => ({ action: formData.get("action"), items: formData.getAll("item"), reason: formText(formData.get("reason")) }),
  },
  async (staff, { action, items, reason }) => {
    const results = await decideOnComments(staff.id, action, items, reason);
    const done = results.filter(({ result }) => result.ok);
    const failed = results.filter(({ result }) => !result.ok);
    if (failed.length === 0) {
      return { ok: true, message: `${DONE[action]}${results.length > 1 ? `: ${results.length} comments` : ""}. Press u to undo.` };
    }
    const first = failed[0]!.result;
    const reasonGiven = first.ok ? "" : first.message;
    if (results.length === 1) return { ok: false, message: reasonGiven };
    return { ok: false, message: `${DONE[action]}: ${done.length} of ${results.length}. ${failed.length} not changed: ${reasonGiven}` };
  },
);

export const replyAsStaffAction = staffAction(
  {
    needs: MODERATORS,
    parse: (fields) => staffReplySchema.safeParse(fields),
    read: (formData) => ({ commentId: formData.get("commentId"), body: formData.get("body") }),
  },
  async (staff, { commentId, body }) => {
    const result = await replyAsStaff(staff, commentId, body);
    if (!result.ok) return { ok: false, message: result.message };
    expireCommentPages([result.articleId]);
    after(async () => {
      if (result.approvedParentId) await sendOutcomeNotices(result.approvedParentId);
      await sendOutcomeNotices(result.id);
    });
    return { ok: true, message: "Your reply is published." };
  },
);

export const undoAction = staffCommand(MODERATORS, async (staff) => {
  const result = await undoLastBatch(staff.id);
  if (!result) return { ok: false, message: "There is nothing of yours to undo." };
  expireCommentPages(result.articleIds);
  const skipped = result.skipped > 0 ? ` ${result.skipped} had been changed since and were left as they are.` : "";
  return { ok: true, message: `Undone: ${result.undone} comment${result.undone === 1 ? "" : "s"}.${skipped}` };
});

// Readers' reports judged unfounded: closed, and a comment they hid goes back on the page. Audited; not part of undo.
export const dismissReportsAction = staffAction(
  {
    needs: MODERATORS,
    parse: (fields) => dismissReportsSchema.safeParse(fields),
    read: (formData) => ({ item: formData.get("item") }),
    describe: () => NOT_UNDERSTOOD,
  },
  async (staff, { item: { commentId, expectedStatus } }) => {
    const result = await dismissReports(staff.id, commentId, expectedStatus);
    if (!result.ok) return { ok: false, message: result.message };
    // Public pages change only when the comment comes back; the queue changes either way.
    if (result.republished) expireCommentPages([result.articleId]);
    else refresh();
    return { ok: true, message: result.republished ? "Reports dismissed: the comment is published again." : "Reports dismissed." };
  },
);
