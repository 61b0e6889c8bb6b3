import "server-only";
import { randomBytes } from "node:crypto";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import type { Prisma, StaffRole } from "@/lib/generated/prisma/client";
import { can, ROLE_LABELS } from "@/lib/staff/capabilities";
import { hashPassword } from "@/lib/staff/password";
import { assertAdmin } from "@/lib/staff/staff-reads";

// Administrators' management of staff accounts. Each change is made and audited in one transaction, and anything
// that takes access away (deactivation, a new password, a changed role) raises the session and link versions, so
// open sessions and emailed review links stop working at once.

export type StaffChange = { ok: true; message: string; password?: string } | { ok: false; message: string };

export async function listStaff(admin: StaffIdentity) {
  assertAdmin(admin);
  return getDb().staffUser.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true },
  });
}

// Handed to the new member by the administrator once; only its hash is stored.
function temporaryPassword(): string {
  return randomBytes(18).toString("base64url");
}

const REVOKE = { sessionVersion: { increment: 1 }, linkVersion: { increment: 1 } } as const;

function audit(tx: Prisma.TransactionClient, actorId: number, action: string, summary: string) {
  return tx.moderationAction.create({ data: { staffUserId: actorId, action, reason: summary.slice(0, 2000) } });
}

export async function createStaffMember(actorId: number, input: { email: string; name: string; role: StaffRole }): Promise<StaffChange> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return getDb().$transaction(async (tx) => {
    const created = await tx.staffUser.createMany({ data: [{ ...input, passwordHash }], skipDuplicates: true });
    if (created.count === 0) return { ok: false, message: `There is already an account for ${input.email}.` } as const;
    await audit(tx, actorId, "staff_create", `${input.name} <${input.email}> as ${input.role.toLowerCase()}`);
    return { ok: true, message: `Account created for ${input.name} (${input.role.toLowerCase()}).`, password } as const;
  });
}

type Target = { id: number; name: string; email: string; role: StaffRole; active: boolean };

// Runs a change to another member's account with both rows locked, after checking that the actor is still an
// active administrator. Two administrators demoting each other at the same moment are serialised: the second finds
// it is no longer an administrator, so the site always keeps one. Nobody changes their own account here.
async function changeOther(
  actorId: number,
  staffId: number,
  change: (tx: Prisma.TransactionClient, target: Target) => Promise<StaffChange>,
): Promise<StaffChange> {
  if (staffId === actorId) return { ok: false, message: "You cannot change your own account here." };
  return getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Target[]>`
      SELECT id, name, email, role, active FROM "StaffUser" WHERE id IN (${actorId}, ${staffId}) ORDER BY id FOR UPDATE`;
    const actor = rows.find((row) => row.id === actorId);
    const target = rows.find((row) => row.id === staffId);
    if (!actor?.active || !can(actor.role, "administer")) return { ok: false, message: "Only administrators can manage staff accounts." } as const;
    if (!target) return { ok: false, message: "That account no longer exists." } as const;
    return change(tx, target);
  });
}

export async function resetStaffPassword(actorId: number, staffId: number): Promise<StaffChange> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return changeOther(actorId, staffId, async (tx, target) => {
    await tx.staffUser.update({ where: { id: staffId }, data: { passwordHash, ...REVOKE } });
    await audit(tx, actorId, "staff_password_reset", `${target.name} <${target.email}>`);
    return { ok: true, message: `New password for ${target.name}; their open sessions have ended.`, password };
  });
}

export async function setStaffActive(actorId: number, staffId: number, active: boolean): Promise<StaffChange> {
  return changeOther(actorId, staffId, async (tx, target) => {
    if (target.active === active) return { ok: true, message: `${target.name} is already ${active ? "active" : "deactivated"}.` };
    await tx.staffUser.update({ where: { id: staffId }, data: { active, ...REVOKE } });
    await audit(tx, actorId, active ? "staff_activate" : "staff_deactivate", `${target.name} <${target.email}>`);
    return { ok: true, message: active ? `${target.name} can sign in again.` : `${target.name} is deactivated and signed out everywhere.` };
  });
}

export async function setStaffRole(actorId: number, staffId: number, role: StaffRole): Promise<StaffChange> {
  return changeOther(actorId, staffId, async (tx, target) => {
    if (target.role === role) return { ok: true, message: `${target.name} is already ${role.toLowerCase()}.` };
    await tx.staffUser.update({ where: { id: staffId }, data: { role, ...REVOKE } });
    await audit(tx, actorId, "staff_role", `${target.name} <${target.email}>: ${target.role.toLowerCase()} → ${role.toLowerCase()}`);
    return { ok: true, message: `${target.name} is now ${withArticle(ROLE_LABELS[role].name.toLowerCase())}.` };
  });
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}
