import type { StaffIdentity } from "@/lib/data/staff/staff";

// Reads that return readers' email addresses or staff accounts take the signed-in staff member who asks, and check
// the role here, so a page or action that forgot its own check still gets nothing. (The identity comes from
// getCurrentStaff() or requireStaffPage(), which read it from the database on every request.)

export class StaffOnly extends Error {
  constructor(needed: "staff" | "an administrator") {
    super(`Only ${needed} may read this`);
  }
}

export function assertStaff(staff: StaffIdentity | null | undefined): asserts staff is StaffIdentity {
  if (!staff || (staff.role !== "MODERATOR" && staff.role !== "ADMIN")) throw new StaffOnly("staff");
}

export function assertAdmin(staff: StaffIdentity | null | undefined): asserts staff is StaffIdentity {
  if (!staff || staff.role !== "ADMIN") throw new StaffOnly("an administrator");
}
