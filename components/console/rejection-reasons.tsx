import { CANNED_REJECTION_REASONS } from "@/lib/moderation/rejection-reasons";

// The common rejection reasons in the queue: a menu for "Reject selected" and the r key, and a list offered in every
// comment's own reason field (free words remain possible there).

export function RejectionReasonMenu({ value, onChange }: { value: string; onChange: (reason: string) => void }) {
  return (
    <label className="flex min-w-0 items-center gap-1">
      <span>Reason for rejecting (and r):</span>
      <select
        name="reason"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="max-w-56 min-w-0 rounded border border-neutral-400 px-1 py-0.5"
      >
        <option value="">None given</option>
        {CANNED_REJECTION_REASONS.map((reason) => (
          <option key={reason}>{reason}</option>
        ))}
      </select>
    </label>
  );
}

export function RejectionReasonList({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {CANNED_REJECTION_REASONS.map((reason) => (
        <option key={reason} value={reason} />
      ))}
    </datalist>
  );
}
