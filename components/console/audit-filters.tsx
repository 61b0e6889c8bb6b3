import { AUDIT_ACTION_CODES, AUDIT_ACTION_LABELS } from "@/lib/moderation/audit-actions";
import { FIRST_DAY, LAST_DAY, type AuditLogFilters } from "@/lib/validation/audit-log";

type Props = AuditLogFilters & { staff: { id: number; name: string; active: boolean }[]; timeZone: string };

const FIELD = "w-full rounded border border-neutral-400 px-2 py-1";

// A plain GET form: the filters live in the address, so a filtered log can be bookmarked, shared and paged.
export function AuditFilters({ staffId, action, from, to, staff, timeZone }: Props) {
  return (
    <form method="get" action="/admin/audit" className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="Filter the audit log">
      <label className="flex w-full flex-col sm:w-auto">
        <span className="font-semibold">Who</span>
        <select name="who" defaultValue={staffId ?? ""} className={FIELD}>
          <option value="">Anyone</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
              {member.active ? "" : " (deactivated)"}
            </option>
          ))}
        </select>
      </label>
      <label className="flex w-full flex-col sm:w-auto">
        <span className="font-semibold">Action</span>
        <select name="action" defaultValue={action ?? ""} className={FIELD}>
          <option value="">Any action</option>
          {AUDIT_ACTION_CODES.map((code) => (
            <option key={code} value={code}>
              {AUDIT_ACTION_LABELS[code]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">From</span>
        <input type="date" name="from" defaultValue={from ?? ""} min={FIRST_DAY} max={LAST_DAY} aria-describedby="audit-days" className={FIELD} />
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">To</span>
        <input type="date" name="to" defaultValue={to ?? ""} min={FIRST_DAY} max={LAST_DAY} aria-describedby="audit-days" className={FIELD} />
      </label>
      <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
        Filter
      </button>
      <p id="audit-days" className="w-full text-neutral-700">
        Days run from midnight to midnight in the newsroom&apos;s time zone ({timeZone}), both days included.
      </p>
    </form>
  );
}
