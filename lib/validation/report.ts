import { z } from "zod";
import { ReportReason } from "@/lib/generated/prisma/enums";
import { characterCount, MAX_ID, normalizeText } from "@/lib/validation/primitives";

export const REPORT_NOTE_MAX = 300;

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;

// The report form posts a reason and, for "other", a few words. A note sent with any other reason is dropped:
// the reader was never asked for it.
const reportFormSchema = z
  .object({
    commentId: z.coerce.number({ error: "That comment cannot be reported" }).int().positive().max(MAX_ID),
    reason: z.enum(ReportReason, { error: "Please choose why you are reporting this comment" }),
    note: z
      .string()
      .max(5000, `Please keep it to ${REPORT_NOTE_MAX} characters`)
      .optional()
      .transform((value) => normalizeText(value ?? ""))
      .pipe(
        z
          .string()
          .refine((value) => characterCount(value) <= REPORT_NOTE_MAX, `Please keep it to ${REPORT_NOTE_MAX} characters`)
          .refine((value) => !CONTROL_CHARACTERS.test(value), "Please use plain text on one line"),
      ),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.reason === "OTHER" && value.note === "") {
      context.addIssue({ code: "custom", path: ["note"], message: "Please say in a few words what is wrong with this comment" });
    }
  })
  .transform(({ note, ...rest }) => ({ ...rest, note: rest.reason === "OTHER" ? note : null }));

export type ReportField = "reason" | "note" | "form";
export type ReportFieldErrors = Partial<Record<ReportField, string>>;

export function parseReportForm(
  raw: Record<string, unknown>,
): { ok: true; value: z.infer<typeof reportFormSchema> } | { ok: false; errors: ReportFieldErrors } {
  const result = reportFormSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const errors: ReportFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    const key: ReportField = field === "reason" || field === "note" ? field : "form";
    errors[key] ??= key === "form" ? "This report could not be read. Please reload the page and try again." : issue.message;
  }
  return { ok: false, errors };
}
