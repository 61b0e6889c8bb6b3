import { z } from "zod";
import type { PrismaClient, StaffRole } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/staff/password";

export const staffInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email("Please enter a valid email address")),
    name: z.string().trim().min(1, "Please enter a name").max(100),
    password: z.string().min(12, "The password must be at least 12 characters").max(200),
    role: z.enum(["MODERATOR", "ADMIN"]).default("MODERATOR"),
  })
  .strict();

export type StaffInput = z.input<typeof staffInputSchema>;

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
