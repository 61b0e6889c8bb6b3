import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUDIT_PAGE_SIZE, listAuditLog } from "@/lib/data/moderation/audit-log";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { parseAuditLogQuery, type AuditLogFilters } from "@/lib/validation/audit-log";
import { createModerator, db, resetDatabase } from "../helpers/integration-db";
import { ADMIN, MODERATOR } from "../helpers/staff-identities";

let adminId: number;
let moderatorId: number;

beforeEach(async () => {
  await resetDatabase();
  moderatorId = await createModerator();
  adminId = (await upsertStaffUser(db, { email: "admin@example.com", name: "Ada Admin", password: "a-long-password-1", role: "ADMIN" })).id;
  // The days of the filters are the newsroom's: an hour ahead of UTC in winter here.
  vi.stubEnv("NEWSROOM_TIME_ZONE", "Europe/Stockholm");
});

afterEach(() => vi.unstubAllEnvs());

const none: AuditLogFilters = { staffId: null, action: null, from: null, to: null };

async function record(rows: { staffUserId: number; action: string; createdAt?: string; reason?: string }[]) {
  await db.moderationAction.createMany({ data: rows.map((row) => ({ ...row, createdAt: row.createdAt ? new Date(row.createdAt) : undefined })) });
}

async function reasons(filters: Partial<AuditLogFilters>, before: number | null = null) {
  return (await listAuditLog(ADMIN, { ...none, ...filters }, before)).rows.map((row) => row.reason);
}

describe("the audit log's filters", () => {
  it("pick the actions of one staff member, of one kind, or both, newest first", async () => {
    await record([
      { staffUserId: moderatorId, action: "approve", reason: "mod approves" },
      { staffUserId: adminId, action: "staff_deactivate", reason: "admin deactivates" },
      { staffUserId: adminId, action: "approve", reason: "admin approves" },
      { staffUserId: moderatorId, action: "spam", reason: "mod marks spam" },
    ]);
    expect(await reasons({})).toEqual(["mod marks spam", "admin approves", "admin deactivates", "mod approves"]);
    expect(await reasons({ staffId: moderatorId })).toEqual(["mod marks spam", "mod approves"]);
    expect(await reasons({ action: "approve" })).toEqual(["admin approves", "mod approves"]);
    expect(await reasons({ staffId: adminId, action: "approve" })).toEqual(["admin approves"]);
    expect(await reasons({ staffId: moderatorId, action: "staff_deactivate" })).toEqual([]);
  });

  it("take whole days in the newsroom's time zone, from the first moment of `from` to the last of `to`", async () => {
    await record([
      { staffUserId: adminId, action: "edit", createdAt: "2026-01-14T22:59:59.999Z", reason: "14th, last moment" },
      { staffUserId: adminId, action: "edit", createdAt: "2026-01-14T23:00:00.000Z", reason: "15th, midnight" },
      { staffUserId: adminId, action: "edit", createdAt: "2026-01-15T22:59:59.999Z", reason: "15th, last moment" },
      { staffUserId: adminId, action: "edit", createdAt: "2026-01-15T23:00:00.000Z", reason: "16th, midnight" },
    ]);
    expect(await reasons({ from: "2026-01-15", to: "2026-01-15" })).toEqual(["15th, last moment", "15th, midnight"]);
    expect(await reasons({ from: "2026-01-16" })).toEqual(["16th, midnight"]);
    expect(await reasons({ to: "2026-01-14" })).toEqual(["14th, last moment"]);
    expect(await reasons({ from: "2026-01-15", to: "2026-01-16", action: "approve" })).toEqual([]);
  });

  it("page through the matching actions only, the next page keeping the filters", async () => {
    const rows = Array.from({ length: 2 * (AUDIT_PAGE_SIZE + 20) }, (_, index) => ({
      staffUserId: index % 2 === 0 ? moderatorId : adminId,
      action: index % 2 === 0 ? "approve" : "edit",
      reason: `action ${index}`,
    }));
    await record(rows);
    const filters = { ...none, staffId: moderatorId, action: "approve" as const };
    const first = await listAuditLog(ADMIN, filters);
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.nextBefore).toBe(first.rows.at(-1)!.id);
    const second = await listAuditLog(ADMIN, filters, first.nextBefore);
    expect(second.rows).toHaveLength(20);
    expect(second.nextBefore).toBeNull();
    const seen = [...first.rows, ...second.rows];
    expect(new Set(seen.map((row) => row.action))).toEqual(new Set(["approve"]));
    expect(seen.map((row) => row.reason)).toEqual(rows.flatMap((row) => (row.action === "approve" ? [row.reason] : [])).reverse());
  });

  it("come from the address, which a bad value in cannot break", async () => {
    await record([{ staffUserId: adminId, action: "settings_update", createdAt: "2026-01-15T12:00:00Z", reason: "settings" }]);
    const { filters, before, problems } = parseAuditLogQuery({ who: "' OR 1=1 --", action: "settings_update", from: "2026-13-01", to: "2026-01-15" });
    expect(problems).toHaveLength(2);
    expect(await reasons(filters, before)).toEqual(["settings"]);
  });

  it("are for administrators only", async () => {
    await expect(listAuditLog(MODERATOR, { ...none, action: "approve" })).rejects.toThrow("Only an administrator may read this");
  });
});
