import { FilterDate, FilterForm, FilterSelect } from "@/components/console/filter-form";
import { AUDIT_ACTION_CODES, AUDIT_ACTION_LABELS } from "@/lib/moderation/audit-actions";
import { FIRST_DAY, LAST_DAY, type AuditLogFilters } from "@/lib/validation/audit-log";

const DAYS = { min: FIRST_DAY, max: LAST_DAY };

type Props = AuditLogFilters & { staff: { id: number; name: string; active: boolean }[]; timeZone: string };

export function AuditFilters({ staffId, action, from, to, staff, timeZone }: Props) {
  const note = (
    <p id="audit-days" className="w-full text-neutral-700">
      Days run from midnight to midnight in the newsroom&apos;s time zone ({timeZone}), both days included.
    </p>
  );
  return (
    <FilterForm action="/admin/audit" label="Filter the audit log" note={note}>
      <FilterSelect
        label="Who"
        name="who"
        value={staffId}
        emptyLabel="Anyone"
        options={staff.map((member) => ({ value: member.id, label: `${member.name}${member.active ? "" : " (deactivated)"}` }))}
      />
      <FilterSelect
        label="Action"
        name="action"
        value={action}
        emptyLabel="Any action"
        options={AUDIT_ACTION_CODES.map((code) => ({ value: code, label: AUDIT_ACTION_LABELS[code] }))}
      />
      <FilterDate label="From" name="from" value={from} range={DAYS} describedBy="audit-days" />
      <FilterDate label="To" name="to" value={to} range={DAYS} describedBy="audit-days" />
    </FilterForm>
  );
}
