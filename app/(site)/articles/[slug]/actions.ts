"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { CommentFormState } from "@/components/comments/comment-form-state";
import { formFields } from "@/lib/comments/form-fields";
import { addPendingId, decodePendingCookie, encodePendingCookie, PENDING_COOKIE_MAX_AGE_SECONDS, PENDING_COOKIE_NAME } from "@/lib/comments/pending-cookie";
import { createHeldComment } from "@/lib/data/comments";
import { serverEnv } from "@/lib/env";
import { parseCommentInput } from "@/lib/validation/comment";

export async function submitComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const raw = formFields(formData);
  const parsed = parseCommentInput(raw);
  if (!parsed.ok) return { errors: parsed.errors, values: typedValues(raw) };

  const created = await createHeldComment(parsed.value, ["moderation_mode_hold_all"]);
  if (!created.ok) return { errors: created.errors, values: typedValues(raw) };

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

function typedValues(raw: Record<string, unknown>) {
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string).slice(0, 10_000) : "");
  return { name: text("name"), email: text("email"), website: text("website"), body: text("body") };
}
