import "server-only";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { assertAdmin } from "@/lib/staff/staff-reads";

export const AUDIT_PAGE_SIZE = 100;

// Every recorded action, newest first, a page at a time (keyset paging on the id, so old pages stay fast).
export async function listAuditLog(admin: StaffIdentity, beforeId: number | null) {
  assertAdmin(admin);
  const rows = await getDb().moderationAction.findMany({
    where: beforeId ? { id: { lt: beforeId } } : {},
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      fromStatus: true,
      toStatus: true,
      reason: true,
      createdAt: true,
      commentId: true,
      staffUser: { select: { name: true } },
      comment: { select: { authorName: true, article: { select: { headline: true } } } },
    },
  });
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), nextBefore: rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1]!.id : null };
}
