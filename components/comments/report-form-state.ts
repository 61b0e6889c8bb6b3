import type { ReportFieldErrors } from "@/lib/validation/report";

// What the report action answers when it refuses a report: the errors, with what was chosen and typed, so a page
// posted without JavaScript shows them again. An accepted report is answered with the thank-you page instead.
export type ReportFormState = { errors: ReportFieldErrors; values: { reason: string; note: string } | null };

export const EMPTY_REPORT_FORM_STATE: ReportFormState = { errors: {}, values: null };
