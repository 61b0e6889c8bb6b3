import { beforeEach, describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/data/moderation/audit-log";
import { findCommentHistory } from "@/lib/data/moderation/comment-history";
import { listCommentsForModeration } from "@/lib/data/moderation/moderation-queue";
import { changeCommentSettings, getCommentSettingsForEditing } from "@/lib/data/site/settings";
import { findActiveStaff, findStaffCredentials } from "@/lib/data/staff/staff";
import { createStaffMember, listStaff, resetStaffPassword, setStaffActive, setStaffRole } from "@/lib/data/staff/staff-admin";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { verifyPassword } from "@/lib/staff/password";
import { db, resetDatabase } from "../helpers/integration-db";
import { ADMIN, MODERATOR } from "../helpers/staff-identities";

let adminId: number;

beforeEach(async () => {
  await resetDatabase();
  adminId = (await upsertStaffUser(db, { email: "admin@example.com", name: "Ada Admin", password: "a-long-password-1", role: "ADMIN" })).id;
});

async function member() {
  const created = await createStaffMember(adminId, { email: "mo@example.com", name: "Mo Moderator", role: "MODERATOR" });
  const stored = (await findStaffCredentials("mo@example.com"))!;
  return { created, stored };
}

describe("staff-only reads", () => {
  const query = { status: "PENDING" as const, order: "oldest" as const, articleId: null, reason: null, search: null, page: 1 };

  it("return readers' addresses and staff accounts only to the roles that may see them", async () => {
    const nobody = null as unknown as typeof MODERATOR;
    await expect(listCommentsForModeration(nobody, query)).rejects.toThrow("Only moderators may read this");
    await expect(findCommentHistory(nobody, 1)).rejects.toThrow("Only moderators may read this");
    // Writers and editors work on articles: readers' comments and addresses are not theirs to read.
    for (const role of ["WRITER", "EDITOR"] as const) {
      await expect(listCommentsForModeration({ ...MODERATOR, role }, query)).rejects.toThrow("Only moderators may read this");
      await expect(findCommentHistory({ ...MODERATOR, role }, 1)).rejects.toThrow("Only moderators may read this");
      await expect(listAuditLog({ ...MODERATOR, role })).rejects.toThrow("Only an administrator may read this");
    }
    await expect(listStaff(MODERATOR)).rejects.toThrow("Only an administrator may read this");
    await expect(listAuditLog(MODERATOR)).rejects.toThrow("Only an administrator may read this");
    expect(await listCommentsForModeration(MODERATOR, query)).toEqual({ comments: [], total: 0 });
    expect((await listStaff(ADMIN)).map((staff) => staff.email)).toEqual(["admin@example.com"]);
    expect((await listAuditLog(ADMIN)).rows).toEqual([]);
  });
});

describe("administrators managing staff", () => {
  it("create an account with a temporary password of which only the hash is kept, audited, once per address", async () => {
    const { created, stored } = await member();
    expect(created).toMatchObject({ ok: true, password: expect.stringMatching(/^[\w-]{24}$/) });
    expect(stored.passwordHash).not.toContain(created.ok ? created.password : "");
    expect(await verifyPassword(stored.passwordHash, created.ok ? created.password! : "")).toBe(true);
    expect(await createStaffMember(adminId, { email: "mo@example.com", name: "Again", role: "ADMIN" })).toEqual({
      ok: false,
      message: "There is already an account for mo@example.com.",
    });
    const audit = await db.moderationAction.findMany({ where: { action: "staff_create" } });
    expect(audit).toEqual([expect.objectContaining({ staffUserId: adminId, reason: "Mo Moderator <mo@example.com> as moderator" })]);
  });

  it("end the member's sessions when they deactivate, reset or change the role of the account", async () => {
    const { stored } = await member();
    const still = (version: number) => findActiveStaff(stored.id, version);
    expect(await still(0)).not.toBeNull();
    await setStaffRole(adminId, stored.id, "ADMIN");
    expect(await still(0)).toBeNull();
    expect((await still(1))?.role).toBe("ADMIN");
    const reset = await resetStaffPassword(adminId, stored.id);
    expect(await still(1)).toBeNull();
    expect(await verifyPassword((await findStaffCredentials("mo@example.com"))!.passwordHash, reset.ok ? reset.password! : "")).toBe(true);
    await setStaffActive(adminId, stored.id, false);
    expect(await still(3)).toBeNull();
    await setStaffActive(adminId, stored.id, true);
    expect(await still(4)).not.toBeNull();
    const actions = await db.moderationAction.findMany({ orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((row) => row.action)).toEqual(["staff_create", "staff_role", "staff_password_reset", "staff_deactivate", "staff_activate"]);
  });

  it("refuse to change the acting administrator's own account, or one that is gone", async () => {
    for (const change of [setStaffActive(adminId, adminId, false), setStaffRole(adminId, adminId, "MODERATOR"), resetStaffPassword(adminId, adminId)]) {
      expect(await change).toEqual({ ok: false, message: "You cannot change your own account here." });
    }
    expect(await setStaffActive(adminId, 999, false)).toEqual({ ok: false, message: "That account no longer exists." });
    expect(await findActiveStaff(adminId, 0)).toMatchObject({ role: "ADMIN" });
    expect(await db.moderationAction.count()).toBe(0);
  });
});

describe("two administrators demoting each other at the same moment", () => {
  it("leave the site with an administrator", async () => {
    const other = (await upsertStaffUser(db, { email: "other@example.com", name: "Otto Admin", password: "a-long-password-2", role: "ADMIN" })).id;
    const results = await Promise.all([setStaffRole(adminId, other, "MODERATOR"), setStaffRole(other, adminId, "MODERATOR")]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, message: "Only administrators can manage staff accounts." });
    expect(await db.staffUser.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    expect(await db.moderationAction.count({ where: { action: "staff_role" } })).toBe(1);
  });
});

describe("site settings saved by two administrators", () => {
  it("refuse a save made from an older version, keeping the first", async () => {
    const { settings, version } = await getCommentSettingsForEditing();
    const first = await changeCommentSettings(adminId, { ...settings, linkHoldThreshold: 4 }, version);
    expect(first).toMatchObject({ ok: true, changed: ["linkHoldThreshold"] });
    expect(await changeCommentSettings(adminId, { ...settings, maxThreadDepth: 3 }, version)).toEqual({ ok: false, conflict: true });
    const now = await getCommentSettingsForEditing();
    expect(now.settings).toMatchObject({ linkHoldThreshold: 4, maxThreadDepth: 5 });
    expect(now.version).toBe(first.ok ? first.version : "");
    expect(await db.moderationAction.count({ where: { action: "settings_update" } })).toBe(1);
  });
});
