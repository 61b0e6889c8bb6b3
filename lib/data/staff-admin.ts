import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/staff/password";

// Administrators' management of staff accounts. Every change is audited, and anything that takes access away
// (deactivation, a new password, a lost role) raises the session version, so open sessions end at once.

export type StaffChange = { ok: true; message: string; password?: string } | { ok: false; message: string };

export async function listStaff() {
  return getDb().staffUser.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true },
  });
}

// Handed to the new member by the administrator once; only its hash is stored.
function temporaryPassword(): string {
  return randomBytes(18).toString("base64url");
}

async function audit(actorId: number, action: string, summary: string) {
  await getDb().moderationAction.create({ data: { staffUserId: actorId, action, reason: summary.slice(0, 2000) } });
}

export async function createStaffMember(actorId: number, input: { email: string; name: string; role: StaffRole }): Promise<StaffChange> {
  const password = temporaryPassword();
  const created = await getDb().staffUser.createMany({
    data: [{ ...input, passwordHash: await hashPassword(password) }],
    skipDuplicates: true,
  });
  if (created.count === 0) return { ok: false, message: `There is already an account for ${input.email}.` };
  await audit(actorId, "staff_create", `${input.name} <${input.email}> as ${input.role.toLowerCase()}`);
  return { ok: true, message: `Account created for ${input.name} (${input.role.toLowerCase()}).`, password };
}

type Target = { id: number; name: string; email: string; role: StaffRole; active: boolean };

// Administrators change other accounts only: nobody can lock themselves out, and the site always keeps the
// administrator who is acting.
async function findOther(actorId: number, staffId: number): Promise<Target | string> {
  if (staffId === actorId) return "You cannot change your own account here.";
  const target = await getDb().staffUser.findUnique({ where: { id: staffId }, select: { id: true, name: true, email: true, role: true, active: true } });
  return target ?? "That account no longer exists.";
}

export async function resetStaffPassword(actorId: number, staffId: number): Promise<StaffChange> {
  const target = await findOther(actorId, staffId);
  if (typeof target === "string") return { ok: false, message: target };
  const password = temporaryPassword();
  await getDb().staffUser.update({ where: { id: staffId }, data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } } });
  await audit(actorId, "staff_password_reset", `${target.name} <${target.email}>`);
  return { ok: true, message: `New password for ${target.name}; their open sessions have ended.`, password };
}

export async function setStaffActive(actorId: number, staffId: number, active: boolean): Promise<StaffChange> {
  const target = await findOther(actorId, staffId);
  if (typeof target === "string") return { ok: false, message: target };
  if (target.active === active) return { ok: true, message: `${target.name} is already ${active ? "active" : "deactivated"}.` };
  await getDb().staffUser.update({ where: { id: staffId }, data: { active, sessionVersion: { increment: 1 } } });
  await audit(actorId, active ? "staff_activate" : "staff_deactivate", `${target.name} <${target.email}>`);
  return { ok: true, message: active ? `${target.name} can sign in again.` : `${target.name} is deactivated and signed out everywhere.` };
}

export async function setStaffRole(actorId: number, staffId: number, role: StaffRole): Promise<StaffChange> {
  const target = await findOther(actorId, staffId);
  if (typeof target === "string") return { ok: false, message: target };
  if (target.role === role) return { ok: true, message: `${target.name} is already ${role.toLowerCase()}.` };
  await getDb().staffUser.update({ where: { id: staffId }, data: { role, sessionVersion: { increment: 1 } } });
  await audit(actorId, "staff_role", `${target.name} <${target.email}>: ${target.role.toLowerCase()} → ${role.toLowerCase()}`);
  return { ok: true, message: `${target.name} is now ${role === "ADMIN" ? "an administrator" : "a moderator"}.` };
}
