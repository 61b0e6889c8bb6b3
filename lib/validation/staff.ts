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
