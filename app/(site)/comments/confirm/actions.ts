"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { expireCommentPages } from "@/lib/cache-expiry";
import { confirmComment } from "@/lib/data/comments/comment-confirmation";
import { sendOutcomeNotices } from "@/lib/mail/comment-mails";
import { commentIdFromLink, commentPath } from "@/lib/mail/links";
import { notifyModeratorsOfWaitingComment } from "@/lib/mail/moderator-mails";

export async function confirmCommentAction(formData: FormData): Promise<void> {
  const id = commentIdFromLink("confirm", formData instanceof FormData ? formData.get("token") : null);
  const result = id === null ? ({ ok: false } as const) : await confirmComment(id);
  if (!result.ok || id === null) redirect("/comments/confirm?invalid=1");
  if (result.status === "APPROVED" && !result.alreadyConfirmed) {
    expireCommentPages([result.articleId]);
    after(() => sendOutcomeNotices(id));
  }
  if (result.status === "PENDING" && !result.alreadyConfirmed) after(() => notifyModeratorsOfWaitingComment(id));
  redirect(commentPath("status", id));
}
