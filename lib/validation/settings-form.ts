import { z } from "zod";
import { ModerationMode } from "@/lib/generated/prisma/enums";
import { commentSettingsSchema } from "@/lib/validation/settings";

// The settings form posts strings: numbers as text, word lists one per line, a ticked box as "on".
const number = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, "Please enter a whole number")
  .transform(Number);
const lines = z
  .string()
  .max(50_000)
  .transform((value) => [
    ...new Set(
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ]);

export const settingsFormSchema = z
  .object({
    moderationMode: z.enum(ModerationMode),
    requireEmailConfirmation: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
    linkHoldThreshold: number,
    holdWords: lines,
    refuseWords: lines,
    autoCloseDays: z.union([z.literal(""), number]).transform((value) => (value === "" ? null : value)),
    floodIntervalSeconds: number,
    attemptsPerMinute: number,
    minFormSeconds: number,
    maxThreadDepth: number,
    commentsPerPage: number,
    fingerprintRetentionDays: number,
    rejectedRetentionDays: number,
    unconfirmedRetentionDays: number,
    reportThreshold: number,
  })
  .strict();

// Reads the form, then checks the values against the settings' own limits.
export function parseSettingsForm(fields: Record<string, unknown>) {
  const form = settingsFormSchema.safeParse(fields);
  return form.success ? commentSettingsSchema.safeParse(form.data) : form;
}
