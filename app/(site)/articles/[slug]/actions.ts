"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { CommentFormState, CommentFormValues } from "@/components/comments/comment-form-state";
import { formFields } from "@/lib/comments/form-fields";
import { addPendingId, decodePendingCookie, encodePendingCookie, PENDING_COOKIE_MAX_AGE_SECONDS, PENDING_COOKIE_NAME } from "@/lib/comments/pending-cookie";
import { createHeldComment, type CreateCommentResult } from "@/lib/data/comments";
import { serverEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { parseCommentInput } from "@/lib/validation/comment";

export async function submitComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  if (!(formData instanceof FormData)) return { errors: { form: "Please submit the comment form." }, values: null };
  const raw = formFields(formData);
  const parsed = parseCommentInput(raw);
  if (!parsed.ok) return { errors: parsed.errors, values: await valuesToShowAgain(raw) };

  let created: CreateCommentResult;
  try {
    created = await createHeldComment(parsed.value, ["moderation_mode_hold_all"]);
  } catch (error) {
    const errorId = logError("submit-comment", error);
    return {
      errors: { form: `Your comment could not be saved just now. Please try again in a moment (error ${errorId}).` },
      values: await valuesToShowAgain(raw),
    };
  }
  if (!created.ok) return { errors: created.errors, values: await valuesToShowAgain(raw) };

  await rememberPendingComment(created.id);
  // Nothing public changed (the comment waits for a moderator), so no cache tag is revalidated here.
  redirect(`/articles/${encodeURIComponent(created.articleSlug)}?comment=${created.id}#comment-${created.id}`);
}

async function rememberPendingComment(id: number) {
  const { NEXTAUTH_SECRET, SITE_URL } = serverEnv();
  const jar = await cookies();
  const known = decodePendingCookie(jar.get(PENDING_COOKIE_NAME)?.value, NEXTAUTH_SECRET);
  jar.set(PENDING_COOKIE_NAME, encodePendingCookie(addPendingId(known, id), NEXTAUTH_SECRET), {
    httpOnly: true,
    sameSite: "lax",
    secure: SITE_URL.startsWith("https:"),
    path: "/",
    maxAge: PENDING_COOKIE_MAX_AGE_SECONDS,
  });
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
