"use server";

import { redirect } from "next/navigation";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { setModeratorMail } from "@/lib/data/moderator-notifications";
import { changeOwnPassword } from "@/lib/data/staff";
import { formFields } from "@/lib/comments/form-fields";
import { passwordChangeSchema, moderatorMailSchema } from "@/lib/validation/staff";

export async function saveMailPreferenceAction(formData: FormData): Promise<void> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const parsed = moderatorMailSchema.safeParse({ moderatorMail: formData instanceof FormData ? formData.get("moderatorMail") : null });
  if (!parsed.success) redirect("/admin/account?error=1");
  await setModeratorMail(staff.id, parsed.data.moderatorMail);
  redirect("/admin/account?saved=1");
}

export type PasswordResult = { ok: false; message: string } | null;

export async function changePasswordAction(_previous: PasswordResult, formData: FormData): Promise<PasswordResult> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  if (!(formData instanceof FormData)) return { ok: false, message: "That request was not understood." };
  const parsed = passwordChangeSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Please check the passwords." };
  if (!(await changeOwnPassword(staff.id, parsed.data.currentPassword, parsed.data.newPassword))) {
    return { ok: false, message: "The current password is not right." };
  }
  redirect(`${SIGN_IN_PATH}?password=changed`);
}
