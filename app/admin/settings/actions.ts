"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { cacheTags } from "@/lib/cache-tags";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { changeCommentSettings, setArticleCommentsOpen } from "@/lib/data/settings";
import { formFields } from "@/lib/comments/form-fields";
import { parseSettingsForm } from "@/lib/validation/settings-form";

export type SettingsResult = { ok: boolean; message: string } | null;

export async function saveSettingsAction(_previous: SettingsResult, formData: FormData): Promise<SettingsResult> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  // Site-wide settings change what every moderator's queue receives: administrators only.
  if (staff.role !== "ADMIN") return { ok: false, message: "Only administrators can change the site's comment settings." };
  const parsed = parseSettingsForm(formFields(formData));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join(".") || "Settings"}: ${issue?.message ?? "not valid"}` };
  }
  const changed = await changeCommentSettings(staff.id, parsed.data);
  return { ok: true, message: changed.length ? `Saved: ${changed.join(", ")}.` : "Nothing changed." };
}

export async function toggleArticleCommentsAction(formData: FormData): Promise<void> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const articleId = Number(formData.get("articleId"));
  if (Number.isSafeInteger(articleId) && articleId > 0) {
    await setArticleCommentsOpen(staff.id, articleId, formData.get("open") === "true");
    updateTag(cacheTags.articles);
  }
  redirect("/admin/settings");
}
