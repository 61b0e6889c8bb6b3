"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { CommentFormState, CommentFormValues } from "@/components/comments/comment-form-state";
import { expireCommentPages } from "@/lib/cache-expiry";
import { formFields } from "@/lib/comments/form-fields";
import { issueFormToken } from "@/lib/comments/form-token";
import { rememberOwnPendingId } from "@/lib/comments/pending-cookie";
import { findArticlePlaces } from "@/lib/data/articles/article-places";
import { submitComment as submitThroughPipeline, type SubmissionResult } from "@/lib/data/comments/comment-submission";
import { reserveUnusedCommentId } from "@/lib/data/comments/comments";
import { logError } from "@/lib/log";
import { sendMailsAfterSubmission } from "@/lib/mail/comment-mails";
import { currentClientAddress, hashClientAddress } from "@/lib/request/client";
import { parseCommentForm } from "@/lib/validation/comment";

export async function submitComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  if (!(formData instanceof FormData)) return { errors: { form: "Please submit the comment form." }, values: null };
  const raw = formFields(formData);
  const parsed = parseCommentForm(raw);
  if (!parsed.ok) return { errors: parsed.errors, values: await valuesToShowAgain(raw) };

  const { token, company, ...comment } = parsed.value;
  // The form always carries its token; a post without one did not come from the form.
  if (!token) {
    return {
      errors: { form: "This form could not be verified. Please post your comment again." },
      values: await valuesToShowAgain(raw),
      token: issueFormToken(comment.articleId),
    };
  }
  let result: SubmissionResult;
  try {
    result = await submitThroughPipeline({
      ...comment,
      formToken: token,
      honeypot: company ?? "",
      clientHash: hashClientAddress(await currentClientAddress()),
    });
  } catch (error) {
    const errorId = logError("submit-comment", error);
    return {
      errors: { form: `Your comment could not be saved just now. Please try again in a moment (error ${errorId}).` },
      values: await valuesToShowAgain(raw),
    };
  }
  if (!result.ok) {
    const { field = "form", message, code } = result.refusal;
    // A filled hidden field is a bot's: it gets the answer a person whose comment is held gets (the same redirect
    // and cookie, naming an id no comment will ever have), stores nothing, and learns nothing about why.
    if (code === "honeypot") {
      const [place] = await findArticlePlaces([comment.articleId]);
      if (!place) redirect("/");
      const decoy = await reserveUnusedCommentId();
      await rememberOwnPendingId(decoy);
      redirect(`/articles/${encodeURIComponent(place.slug)}?comment=${decoy}#comment-${decoy}`);
    }
    const freshToken = code.startsWith("form_token_") ? issueFormToken(comment.articleId) : undefined;
    return { errors: { [field]: message }, values: await valuesToShowAgain(raw), token: freshToken };
  }

  if (result.status === "APPROVED") expireCommentPages([result.articleId]);
  else await rememberOwnPendingId(result.id);
  if (!result.replayed && result.hasMailToSend) after(() => sendMailsAfterSubmission(result.id, result.status));
  redirect(`/articles/${encodeURIComponent(result.articleSlug)}?comment=${result.id}#comment-${result.id}`);
}

// With JavaScript the form keeps its own values, so the answer carries none of them (least of all the email).
// A form posted without JavaScript is answered with a whole page, which must show the typed values again; they go
// back only to the person who just sent them, in the answer to their own request.
async function valuesToShowAgain(raw: Record<string, unknown>): Promise<CommentFormValues | null> {
  const postedByScript = (await headers()).has("next-action");
  if (postedByScript) return null;
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string).slice(0, 10_000) : "");
  return { name: text("name"), email: text("email"), website: text("website"), body: text("body") };
}
