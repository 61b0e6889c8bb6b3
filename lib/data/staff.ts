import "server-only";
import { getDb } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/client";

// The roles that may use the moderation console; a role added later gets no access until it is listed here.
const STAFF_ROLES: StaffRole[] = ["MODERATOR", "ADMIN"];

export type StaffIdentity = { id: number; email: string; name: string; role: StaffRole };

// Used by sign-in only: the one place a password hash is read.
export async function findStaffCredentials(email: string) {
  return getDb().staffUser.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
}

// Checked on every privileged request, so deactivation or a lost role takes effect at once.
export async function findActiveStaff(id: number): Promise<StaffIdentity | null> {
  return getDb().staffUser.findFirst({
    where: { id, active: true, role: { in: STAFF_ROLES } },
    select: { id: true, email: true, name: true, role: true },
  });
}
