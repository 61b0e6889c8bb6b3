import Link from "next/link";
import { ScrollTable } from "@/components/console/scroll-table";
import { requireStaffPage } from "@/lib/auth";
import { listAuditLog } from "@/lib/data/moderation/audit-log";
import { formatDateTime } from "@/lib/format/dates";
import { parsePositiveId } from "@/lib/validation/search-params";

export const metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Who did what, when, from which status to which, and why: every moderation, settings and staff change.
export default async function AuditLogPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  // The log names staff and their addresses and shows every settings change: administrators only. Moderators see
  // each comment's timeline on its history page.
  if (staff.role !== "ADMIN") {
    return (
      <>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="mt-4 text-sm">Only administrators can read the whole audit log.</p>
      </>
    );
  }
  const { before } = await searchParams;
  const beforeId = parsePositiveId(before);
  const { rows, nextBefore } = await listAuditLog(staff, beforeId);
  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
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
                <td className="pr-3 font-mono text-xs">{row.action}</td>
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
                  {row.fromStatus && row.toStatus ? `${row.fromStatus.toLowerCase()} → ${row.toStatus.toLowerCase()}` : "—"}
                </td>
                <td className="break-words">{row.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {rows.length === 0 && <p className="mt-4 text-sm">Nothing recorded yet.</p>}
      {nextBefore && (
        <p className="mt-6 text-sm">
          <Link href={`/admin/audit?before=${nextBefore}`} className="underline">
            Older actions
          </Link>
        </p>
      )}
    </>
  );
}
