import type { StaffIdentity } from "@/lib/data/staff/staff";
import { can } from "@/lib/staff/capabilities";

// Reads that return readers' email addresses or staff accounts take the signed-in staff member who asks, and check
// the role here, so a page or action that forgot its own check still gets nothing. (The identity comes from
// getCurrentStaff() or requireStaffPage(), which read it from the database on every request.)

export class StaffOnly extends Error {
  constructor(needed: "moderators" | "the newsroom" | "an administrator") {
    super(`Only ${needed} may read this`);
  }
}

/** Readers' comments with their addresses: for those who moderate. */
export function assertModerator(staff: StaffIdentity | null | undefined): asserts staff is StaffIdentity {
  if (!staff || !can(staff.role, "moderate")) throw new StaffOnly("moderators");
}

/** The newsroom's own lists of articles, unpublished ones included: for those who write. */
export function assertWriter(staff: StaffIdentity | null | undefined): asserts staff is StaffIdentity {
  if (!staff || !can(staff.role, "write")) throw new StaffOnly("the newsroom");
}

export function assertAdmin(staff: StaffIdentity | null | undefined): asserts staff is StaffIdentity {
  if (!staff || !can(staff.role, "administer")) throw new StaffOnly("an administrator");
}
