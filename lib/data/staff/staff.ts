import "server-only";
import { getDb } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/client";
import { rolesThat, STAFF_ROLES } from "@/lib/staff/capabilities";
import { hashPassword, verifyPassword } from "@/lib/staff/password";

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

// The holder of an emailed review link, while the link's version is current (see StaffUser.linkVersion).
export async function findReviewLinkHolder(id: number, linkVersion: number): Promise<StaffIdentity | null> {
  return getDb().staffUser.findFirst({
    where: { id, linkVersion, active: true, role: { in: rolesThat("moderate") } },
    select: { id: true, email: true, name: true, role: true },
  });
}

// A staff member replaces their own (perhaps temporary) password. Every session, this one included, and every
// emailed link ends: whoever knew the old password is locked out.
export async function changeOwnPassword(id: number, currentPassword: string, newPassword: string): Promise<boolean> {
  const staff = await getDb().staffUser.findUnique({ where: { id }, select: { passwordHash: true } });
  if (!staff || !(await verifyPassword(staff.passwordHash, currentPassword))) return false;
  const passwordHash = await hashPassword(newPassword);
  await getDb().staffUser.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 }, linkVersion: { increment: 1 } } });
  return true;
}
