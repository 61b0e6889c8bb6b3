import type { ReportFieldErrors } from "@/lib/validation/report";

// What the report action answers: errors with what was chosen and typed (so a page posted without JavaScript shows
// them again), or which thank-you to show.
export type ReportFormState = {
  errors: ReportFieldErrors;
  values: { reason: string; note: string } | null;
  done: "reported" | "already_reported" | null;
};

export const EMPTY_REPORT_FORM_STATE: ReportFormState = { errors: {}, values: null, done: null };
