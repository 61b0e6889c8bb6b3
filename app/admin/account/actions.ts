"use server";

import { redirect } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/auth";
import { setModeratorMail } from "@/lib/data/moderation/moderator-notifications";
import { changeOwnPassword } from "@/lib/data/staff/staff";
import { MODERATORS, staffAction, staffFormAction, type ActionResult } from "@/lib/staff/staff-action";
import { passwordChangeSchema, moderatorMailSchema } from "@/lib/validation/staff";

export const saveMailPreferenceAction = staffFormAction(
  { needs: MODERATORS, parse: (fields) => moderatorMailSchema.safeParse(fields), refused: () => "/admin/account?error=1" },
  async (staff, { moderatorMail }) => {
    await setModeratorMail(staff.id, moderatorMail);
    return "/admin/account?saved=1";
  },
);

export type PasswordResult = ActionResult | null;

// A changed password ends every session, this one included: the answer is the sign-in page.
export const changePasswordAction = staffAction(
  { needs: "any staff member", parse: (fields) => passwordChangeSchema.safeParse(fields) },
  async (staff, { currentPassword, newPassword }) => {
    if (!(await changeOwnPassword(staff.id, currentPassword, newPassword))) return { ok: false, message: "The current password is not right." };
    redirect(`${SIGN_IN_PATH}?password=changed`);
  },
);
