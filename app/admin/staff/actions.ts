"use server";

import { refresh } from "next/cache";
import { createStaffMember, resetStaffPassword, setStaffActive, setStaffRole } from "@/lib/data/staff/staff-admin";
import { staffAction, type ActionResult } from "@/lib/staff/staff-action";
import { staffChangeSchema } from "@/lib/validation/staff";

export type StaffResult = ActionResult<{ password?: string }> | null;

export const manageStaffAction = staffAction(
  { needs: { capability: "administer", refusal: "Only administrators can manage staff accounts." }, parse: (fields) => staffChangeSchema.safeParse(fields) },
  async (staff, change) => {
    const result =
      change.op === "create"
        ? await createStaffMember(staff.id, { email: change.email, name: change.name, role: change.role })
        : change.op === "reset"
          ? await resetStaffPassword(staff.id, change.staffId)
          : change.op === "role"
            ? await setStaffRole(staff.id, change.staffId, change.role)
            : await setStaffActive(staff.id, change.staffId, change.op === "activate");
    if (result.ok) refresh();
    return result;
  },
);
