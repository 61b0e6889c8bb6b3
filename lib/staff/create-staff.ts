import type { PrismaClient, StaffRole } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/staff/password";
import { staffInputSchema, type StaffInput } from "@/lib/validation/staff";

// Creates the account, or resets name, password and role of an existing one, reactivates it and ends the
// sessions it had (a reset password must lock out whoever knew the old one).
export async function upsertStaffUser(db: PrismaClient, input: StaffInput): Promise<{ id: number; email: string; role: StaffRole }> {
  const staff = staffInputSchema.parse(input);
  const passwordHash = await hashPassword(staff.password);
  return db.staffUser.upsert({
    where: { email: staff.email },
    create: { email: staff.email, name: staff.name, role: staff.role, passwordHash },
    update: { name: staff.name, role: staff.role, passwordHash, active: true, sessionVersion: { increment: 1 }, linkVersion: { increment: 1 } },
    select: { id: true, email: true, role: true },
  });
}
