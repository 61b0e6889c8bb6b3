import { z } from "zod";
import { AUDIT_ACTION_CODES, type AuditActionCode } from "@/lib/moderation/audit-actions";
import { parsePositiveId } from "@/lib/validation/search-params";

// The audit log's filters, from its GET form: who, which action, and a range of calendar days (YYYY-MM-DD, read in
// the newsroom's time zone by the query). An empty field means no filter. The address is typed by hand at times, so
// a value that is not understood is ignored, with a message saying which, and the other filters still apply.

export type AuditLogFilters = { staffId: number | null; action: AuditActionCode | null; from: string | null; to: string | null };

// Years beyond these name no recorded action, and keep the day after the last one a plain ISO date.
export const FIRST_DAY = "1970-01-01";
export const LAST_DAY = "2999-12-31";

function calendarDay(label: string) {
  const message = `${label} must be a date such as 2026-03-01, between 1970 and 2999.`;
  return z.iso.date({ error: message }).refine((day) => day >= FIRST_DAY && day <= LAST_DAY, message);
}

const WHO = "Choose who from the list of staff.";

const filterSchemas = {
  who: z
    .string({ error: WHO })
    .transform(parsePositiveId)
    .pipe(z.number({ error: WHO })),
  action: z.enum(AUDIT_ACTION_CODES, { error: "Choose an action from the list." }),
  from: calendarDay("“From”"),
  to: calendarDay("“To”"),
};

export function parseAuditLogQuery(params: Record<string, string | string[] | undefined>): {
  filters: AuditLogFilters;
  before: number | null;
  problems: string[];
} {
  const problems: string[] = [];
  function read<Output>(schema: z.ZodType<Output, string>, value: string | string[] | undefined): Output | null {
    if (value === undefined || value === "") return null;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(parsed.error.issues[0]?.message ?? "A filter was not understood.");
    return null;
  }
  // In the form's order, so the messages are too.
  const staffId = read(filterSchemas.who, params.who);
  const action = read(filterSchemas.action, params.action);
  let from = read(filterSchemas.from, params.from);
  let to = read(filterSchemas.to, params.to);
  if (from && to && from > to) {
    problems.push("“From” is after “To”.");
    from = to = null;
  }
  return {
    filters: { staffId, action, from, to },
    before: parsePositiveId(params.before),
    problems,
  };
}
