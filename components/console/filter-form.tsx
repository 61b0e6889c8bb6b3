import type { ReactNode } from "react";

const FIELD = "w-full rounded border border-neutral-400 px-2 py-1";
const LABEL = "flex w-full flex-col sm:w-auto";

// A plain GET form: the filters live in the address, so a filtered list can be bookmarked, shared and paged.
export function FilterForm({ action, label, children, note }: { action: string; label: string; children: ReactNode; note?: ReactNode }) {
  return (
    <form method="get" action={action} className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label={label}>
      {children}
      <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
        Filter
      </button>
      {note}
    </form>
  );
}

/**
 * A filter chosen from a list; `emptyLabel` names the empty choice (no filter), when there is one. Long choices (a
 * headline) stay within a column's width on a wide screen instead of widening the form.
 */
export function FilterSelect({
  label,
  name,
  value,
  emptyLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | number | null;
  emptyLabel?: string;
  options: { value: string | number; label: string }[];
}) {
  return (
    <label className={LABEL}>
      <span className="font-semibold">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={`${FIELD} sm:max-w-xs`}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A filter typed in: text the list's entries contain. */
export function FilterSearch({ label, value }: { label: string; value: string | null }) {
  return (
    <label className={LABEL}>
      <span className="font-semibold">{label}</span>
      <input type="search" name="q" defaultValue={value ?? ""} maxLength={100} className={FIELD} />
    </label>
  );
}

/** A calendar day (YYYY-MM-DD) within `range`; `describedBy` names the text that says how days are read. */
export function FilterDate({
  label,
  name,
  value,
  range,
  describedBy,
}: {
  label: string;
  name: string;
  value: string | null;
  range: { min: string; max: string };
  describedBy: string;
}) {
  return (
    <label className="flex flex-col">
      <span className="font-semibold">{label}</span>
      <input type="date" name={name} defaultValue={value ?? ""} min={range.min} max={range.max} aria-describedby={describedBy} className={FIELD} />
    </label>
  );
}
