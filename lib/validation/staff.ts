import { z } from "zod";
import { staffInputSchema } from "@/lib/staff/create-staff";
import { MAX_ID } from "@/lib/validation/comment";

const staffId = z.coerce.number().int().positive().max(MAX_ID);
const role = z.enum(["MODERATOR", "ADMIN"], "Please choose a role");

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
