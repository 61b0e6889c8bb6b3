import "server-only";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { nextDay, startOfNewsroomDay } from "@/lib/format/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin } from "@/lib/staff/staff-reads";
import type { AuditLogFilters } from "@/lib/validation/audit-log";

export const AUDIT_PAGE_SIZE = 100;

const NO_FILTERS: AuditLogFilters = { staffId: null, action: null, from: null, to: null };

// Every recorded action matching the filters, newest first, a page at a time (keyset paging on the id, so old pages
// stay fast). The days run midnight to midnight in the newsroom's time zone, the day `to` included.
export async function listAuditLog(admin: StaffIdentity, filters: AuditLogFilters = NO_FILTERS, beforeId: number | null = null) {
  assertAdmin(admin);
  const where: Prisma.ModerationActionWhereInput = {
    ...(beforeId ? { id: { lt: beforeId } } : {}),
    ...(filters.staffId ? { staffUserId: filters.staffId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from || filters.to
      ? {
          createdAt: {
            ...(filters.from ? { gte: startOfNewsroomDay(filters.from) } : {}),
            ...(filters.to ? { lt: startOfNewsroomDay(nextDay(filters.to)) } : {}),
          },
        }
      : {}),
  };
  const rows = await getDb().moderationAction.findMany({
    where,
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
