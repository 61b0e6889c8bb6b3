import Link from "next/link";
import { AuditFilters } from "@/components/console/audit-filters";
import { ScrollTable } from "@/components/console/scroll-table";
import { requireStaffPage } from "@/lib/auth";
import { listAuditLog } from "@/lib/data/moderation/audit-log";
import { listStaff } from "@/lib/data/staff/staff-admin";
import { newsroomTimeZone } from "@/lib/env";
import { formatDateTime } from "@/lib/format/dates";
import { auditActionLabel, commentStatusLabel } from "@/lib/moderation/audit-actions";
import { can } from "@/lib/staff/capabilities";
import { parseAuditLogQuery, type AuditLogFilters } from "@/lib/validation/audit-log";

export const metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The next page keeps the filters it was reached with.
function olderHref(filters: AuditLogFilters, before: number): string {
  const params = new URLSearchParams();
  if (filters.staffId) params.set("who", String(filters.staffId));
  if (filters.action) params.set("action", filters.action);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  params.set("before", String(before));
  return `/admin/audit?${params}`;
}

// Who did what, when, from which status to which, and why: every moderation, settings and staff change.
export default async function AuditLogPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  // The log names staff and their addresses and shows every settings change: administrators only. Moderators see
  // each comment's timeline on its history page.
  if (!can(staff.role, "administer")) {
    return (
      <>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="mt-4 text-sm">Only administrators can read the whole audit log.</p>
      </>
    );
  }
  const { filters, before, problems } = parseAuditLogQuery(await searchParams);
  const [{ rows, nextBefore }, members] = await Promise.all([listAuditLog(staff, filters, before), listStaff(staff)]);
  const filtered = Object.values(filters).some((value) => value !== null);
  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
      {problems.length > 0 && (
        <div role="alert" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-semibold">Some filters were not understood and are not applied:</p>
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <AuditFilters {...filters} staff={members} timeZone={newsroomTimeZone()} />
      {filtered && (
        <p className="mt-2 text-sm">
          <Link href="/admin/audit" className="underline">
            Clear the filters
          </Link>
        </p>
      )}
      <ScrollTable label="Recorded actions">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Recorded actions, newest first</caption>
          <thead className="border-b border-neutral-300">
            <tr>
              <th className="py-2">When</th>
              <th>Who</th>
              <th>Action</th>
              <th>On</th>
              <th>Change</th>
              <th>Reason or detail</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200 align-top">
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="py-1.5 pr-3 whitespace-nowrap">{formatDateTime(row.createdAt.toISOString())}</td>
                <td className="pr-3">{row.staffUser.name}</td>
                <td className="pr-3">{auditActionLabel(row.action)}</td>
                <td className="pr-3">
                  {row.commentId && row.comment ? (
                    <Link href={`/admin/comments/${row.commentId}`} className="underline">
                      {row.comment.authorName} on {row.comment.article.headline}
                    </Link>
                  ) : row.commentId ? (
                    `comment ${row.commentId}`
                  ) : (
                    "—"
                  )}
                </td>
                <td className="pr-3 whitespace-nowrap">
                  {row.fromStatus && row.toStatus ? `${commentStatusLabel(row.fromStatus)} → ${commentStatusLabel(row.toStatus)}` : "—"}
                </td>
                <td className="break-words">{row.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {rows.length === 0 && <p className="mt-4 text-sm">{filtered ? "No recorded action matches these filters." : "Nothing recorded yet."}</p>}
      {nextBefore && (
        <p className="mt-6 text-sm">
          <Link href={olderHref(filters, nextBefore)} className="underline">
            Older actions
          </Link>
        </p>
      )}
    </>
  );
}
