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
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
}

// Sign-out ends every session the staff member has, including copies of the cookie.
export async function endStaffSessions(id: number): Promise<void> {
  await getDb().staffUser.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
}

// Checked on every privileged request, so deactivation, a lost role or a sign-out elsewhere takes effect at once.
export async function findActiveStaff(id: number, sessionVersion: number): Promise<StaffIdentity | null> {
  return getDb().staffUser.findFirst({
    where: { id, sessionVersion, active: true, role: { in: STAFF_ROLES } },
    select: { id: true, email: true, name: true, role: true },
  });
}
