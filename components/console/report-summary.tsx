import { REPORT_REASON_LABELS } from "@/lib/comments/report-reasons";
import type { ReportSummary } from "@/lib/data/moderation/report-review";

// Why readers reported a comment: how many, for which reasons, and what they wrote under "something else". Who
// reported is never shown; staff judge the comment, not the reporters.
export function ReportSummaryView({ summary }: { summary: ReportSummary }) {
  return (
    <section aria-label="Reader reports" className="mt-2 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-950">
      <p className="font-semibold">
        {summary.total} open report{summary.total === 1 ? "" : "s"}
      </p>
      <ul className="mt-1 flex flex-wrap gap-2" aria-label="Reasons given">
        {summary.reasons.map(({ reason, count }) => (
          <li key={reason} className="rounded bg-white px-2 py-0.5 text-xs font-medium">
            {REPORT_REASON_LABELS[reason]}: {count}
          </li>
        ))}
      </ul>
      {summary.notes.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5" aria-label="Readers' own words">
          {summary.notes.map((note, index) => (
            <li key={index} className="break-words">
              “{note}”
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
