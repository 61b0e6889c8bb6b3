"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import type { ReportFormState } from "@/components/comments/report-form-state";
import { expireCommentPages } from "@/lib/cache-expiry";
import { formFields } from "@/lib/comments/form-fields";
import { reportComment, type ReportResult } from "@/lib/data/comments/comment-reports";
import { logError } from "@/lib/log";
import { notifyModeratorsOfWaitingComment } from "@/lib/mail/moderator-mails";
import { currentClientAddress, hashClientAddress } from "@/lib/request/client";
import { parseReportForm } from "@/lib/validation/report";

// Anyone may report an approved comment, without an account: the reader is the salted hash of their address, which
// is stored with the report and shown to nobody.
export async function reportCommentAction(_previous: ReportFormState, formData: FormData): Promise<ReportFormState> {
  if (!(formData instanceof FormData)) return { errors: { form: "Please use the report form." }, values: null };
  const raw = formFields(formData);
  const values = { reason: text(raw.reason, 40), note: text(raw.note, 1000) };
  const parsed = parseReportForm(raw);
  if (!parsed.ok) return { errors: parsed.errors, values };

  let result: ReportResult;
  try {
    result = await reportComment({ ...parsed.value, reporterHash: hashClientAddress(await currentClientAddress()) });
  } catch (error) {
    const errorId = logError("report-comment", error);
    return { errors: { form: `Your report could not be saved just now. Please try again in a moment (error ${errorId}).` }, values };
  }
  if (!result.ok && result.error === "not_found") {
    return { errors: { form: "This comment is no longer published, so there is nothing to report." }, values: null };
  }
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return { errors: { form: `You have sent many reports in a short time. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` }, values };
  }
  // Hidden by this report: it leaves the article page on the next request, exactly as a moderator's decision would,
  // and waits for review like any held comment (moderators who asked to be told at once get a mail).
  if (result.hidden) {
    expireCommentPages([result.articleId]);
    const { commentId } = parsed.value;
    after(() => notifyModeratorsOfWaitingComment(commentId));
  }
  // The thank-you is a page of its own (post, then redirect): it must not depend on the comment, which this very
  // report may have hidden.
  redirect(`/comments/${parsed.value.commentId}/report?sent=${result.alreadyReported ? "again" : "1"}`);
}

function text(value: unknown, max: number): string {
  return typeof value === "string" ? value.slice(0, max) : "";
}
