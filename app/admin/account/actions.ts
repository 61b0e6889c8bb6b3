"use server";

import { redirect } from "next/navigation";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { setModeratorMail } from "@/lib/data/moderator-notifications";
import { moderatorMailSchema } from "@/lib/validation/staff";

export async function saveMailPreferenceAction(formData: FormData): Promise<void> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const parsed = moderatorMailSchema.safeParse({ moderatorMail: formData instanceof FormData ? formData.get("moderatorMail") : null });
  if (!parsed.success) redirect("/admin/account?error=1");
  await setModeratorMail(staff.id, parsed.data.moderatorMail);
  redirect("/admin/account?saved=1");
}
