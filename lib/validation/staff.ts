import { z } from "zod";
import { STAFF_ROLES } from "@/lib/staff/capabilities";
import { recordId } from "@/lib/validation/primitives";

// A staff account as the staff command and the staff page create it. (Here, not beside the code that hashes the
// password: a form's schema must not load argon2.)
export const staffInputSchema = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email("Please enter a valid email address")),
    name: z.string().trim().min(1, "Please enter a name").max(100),
    password: z.string().min(12, "The password must be at least 12 characters").max(200),
    role: z.enum(STAFF_ROLES).default("MODERATOR"),
  })
  .strict();

export type StaffInput = z.input<typeof staffInputSchema>;

const staffId = recordId;
const role = z.enum(STAFF_ROLES, "Please choose a role");

// What an administrator can post from the staff page.
export const staffChangeSchema = z.discriminatedUnion("op", [
  staffInputSchema.pick({ email: true, name: true }).extend({ op: z.literal("create"), role }),
  z.object({ op: z.literal("reset"), staffId }),
  z.object({ op: z.literal("deactivate"), staffId }),
  z.object({ op: z.literal("activate"), staffId }),
  z.object({ op: z.literal("role"), staffId, role }),
]);

export const moderatorMailSchema = z.object({ moderatorMail: z.enum(["OFF", "IMMEDIATE", "HOURLY", "DAILY"], "Please choose how to be told") });

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, "Please enter your current password").max(200),
    newPassword: staffInputSchema.shape.password,
    repeatPassword: z.string().max(200),
  })
  .refine((value) => value.newPassword === value.repeatPassword, { message: "The two new passwords are not the same", path: ["repeatPassword"] })
  .refine((value) => value.newPassword !== value.currentPassword, { message: "The new password must differ from the current one", path: ["newPassword"] });
