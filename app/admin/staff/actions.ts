"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { createStaffMember, resetStaffPassword, setStaffActive, setStaffRole, type StaffChange } from "@/lib/data/staff-admin";
import { formFields } from "@/lib/comments/form-fields";
import { staffChangeSchema } from "@/lib/validation/staff";

export type StaffResult = (StaffChange & { at: number }) | null;

export async function manageStaffAction(_previous: StaffResult, formData: FormData): Promise<StaffResult> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  const at = Date.now();
  if (staff.role !== "ADMIN") return { ok: false, message: "Only administrators can manage staff accounts.", at };
  if (!(formData instanceof FormData)) return { ok: false, message: "That request was not understood. Please reload the page.", at };
  const parsed = staffChangeSchema.safeParse(formFields(formData));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That request was not understood.", at };
  const change = parsed.data;
  const result =
    change.op === "create"
      ? await createStaffMember(staff.id, { email: change.email, name: change.name, role: change.role })
      : change.op === "reset"
        ? await resetStaffPassword(staff.id, change.staffId)
        : change.op === "role"
          ? await setStaffRole(staff.id, change.staffId, change.role)
          : await setStaffActive(staff.id, change.staffId, change.op === "activate");
  if (result.ok) refresh();
  return { ...result, at };
}
