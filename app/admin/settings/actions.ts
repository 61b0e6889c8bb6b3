"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { changeCommentSettings, setArticleCommentsOpen } from "@/lib/data/settings";
import { formFields } from "@/lib/comments/form-fields";
import { parseSettingsForm } from "@/lib/validation/settings-form";
import { expireArticlePages } from "@/lib/cache-expiry";

export type SettingsResult = { ok: boolean; message: string; version?: string } | null;

export async function saveSettingsAction(_previous: SettingsResult, formData: FormData): Promise<SettingsResult> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  // Site-wide settings change what every moderator's queue receives: administrators only.
  if (staff.role !== "ADMIN") return { ok: false, message: "Only administrators can change the site's comment settings." };
  const { version, ...fields } = formFields(formData);
  const parsed = parseSettingsForm(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join(".") || "Settings"}: ${issue?.message ?? "not valid"}` };
  }
  const result = await changeCommentSettings(staff.id, parsed.data, typeof version === "string" ? version : "");
  if (!result.ok) return { ok: false, message: "Someone else saved the settings since you opened this page. Reload it to see their changes, then make yours again." };
  // Article pages show the comment settings (order, whether comments are open).
  expireArticlePages();
  // React resets the form after the action; refreshing first makes it reset to what was just saved.
  refresh();
  return { ok: true, message: result.changed.length ? `Saved: ${result.changed.join(", ")}.` : "Nothing changed.", version: result.version };
}

export async function toggleArticleCommentsAction(formData: FormData): Promise<void> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const articleId = Number(formData.get("articleId"));
  if (Number.isSafeInteger(articleId) && articleId > 0) {
    await setArticleCommentsOpen(staff.id, articleId, formData.get("open") === "true");
    expireArticlePages();
  }
  redirect("/admin/settings");
}
