import { beforeEach, describe, expect, it } from "vitest";
import { endStaffSessions, findActiveStaff, findStaffCredentials } from "@/lib/data/staff/staff";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { verifyPassword } from "@/lib/staff/password";
import { takeSignInAttempt } from "@/lib/staff/sign-in-limit";
import { db, resetDatabase } from "../helpers/integration-db";

beforeEach(resetDatabase);

describe("staff accounts", () => {
  it("store an argon2id hash that verifies only the right password", async () => {
    await upsertStaffUser(db, { email: " Ann@Example.com ", name: "Ann", password: "correct horse battery" });
    const stored = await findStaffCredentials("ann@example.com");
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored!.passwordHash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored!.passwordHash, "wrong horse battery")).toBe(false);
  });

  it("stop counting as active staff once deactivated", async () => {
    const { id } = await upsertStaffUser(db, { email: "bo@example.com", name: "Bo", password: "a-long-password-2", role: "ADMIN" });
    expect(await findActiveStaff(id, 0)).toMatchObject({ email: "bo@example.com", role: "ADMIN" });
    await db.staffUser.update({ where: { id }, data: { active: false } });
    expect(await findActiveStaff(id, 0)).toBeNull();
  });

  it("stop counting sessions issued before a sign-out", async () => {
    const { id } = await upsertStaffUser(db, { email: "cy@example.com", name: "Cy", password: "a-long-password-4" });
    expect(await findActiveStaff(id, 0)).not.toBeNull();
    await endStaffSessions(id);
    expect(await findActiveStaff(id, 0)).toBeNull();
    expect(await findActiveStaff(id, 1)).not.toBeNull();
  });

  it("refuse a short password or a malformed email", async () => {
    await expect(upsertStaffUser(db, { email: "cy@example.com", name: "Cy", password: "short" })).rejects.toThrow(/at least 12/);
    await expect(upsertStaffUser(db, { email: "not-an-email", name: "Cy", password: "a-long-password-3" })).rejects.toThrow(/valid email/);
    expect(await db.staffUser.count()).toBe(0);
  });
});

describe("sign-in limits", () => {
  it("let one client use up only its own attempts, never the account's for everybody", async () => {
    const account = "admin@example.com";
    // One client guessing far past its own limits (5 per account, 20 in all)...
    const guesses = [];
    for (let attempt = 0; attempt < 60; attempt += 1) guesses.push(await takeSignInAttempt(account, "guessing-client"));
    expect(guesses.filter(Boolean)).toHaveLength(5);
    // ...leaves the account open to everyone else: nine more clients may each try their five.
    for (let client = 0; client < 9; client += 1) {
      for (let attempt = 0; attempt < 5; attempt += 1) expect(await takeSignInAttempt(account, `other-client-${client}`)).toBe(true);
    }
    // Fifty tries at one account from anywhere is the account's own limit.
    expect(await takeSignInAttempt(account, "the-real-admin")).toBe(false);
  });
});
