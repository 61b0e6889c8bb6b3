import { createPrismaClient } from "@/lib/db-client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { seedDemoContent } from "@/prisma/seed/seed";
import { buildIfNeeded, clearSiteCaches } from "./build";
import { openAppDatabase, type Database } from "./database";
import { applyMigrations } from "./migrate";
import { generatePassword, loadLocalSecrets, saveLocalSecrets, type LocalSecrets } from "./secrets";

const DEMO_MODERATOR_EMAIL = "moderator@example.com";

export type PreparedSite = { database: Database; secret: string; signIn: string };

// What `npm start` and `npm run cluster` do before serving: a database (DATABASE_URL or the embedded one), migrated
// and filled with demo content when empty, a demo moderator on a demo database, and an up-to-date production build.
export async function prepareSite(log: (line: string) => void): Promise<PreparedSite> {
  const secrets = await loadLocalSecrets();
  const database = await openAppDatabase();
  log(process.env.DATABASE_URL ? "using the database in DATABASE_URL" : "embedded PostgreSQL is running (data in .data/postgres)");
  await applyMigrations(database.url, log);

  const db = createPrismaClient(database.url);
  let signIn: string;
  try {
    const seeded = await seedDemoContent(db);
    if (seeded) log("filled the empty database with demo content");
    signIn = await ensureDemoModerator(db, seeded || !process.env.DATABASE_URL, secrets);
  } finally {
    await db.$disconnect();
  }

  await buildIfNeeded(".next", log);
  await clearSiteCaches(".next");
  return { database, secret: process.env.NEXTAUTH_SECRET ?? secrets.nextAuthSecret, signIn };
}

// The demo moderator is made only for a demo: the embedded database, or one this start has just filled with demo
// content, and only while it has no staff at all. A newsroom's own database is never given a known account.
// The password comes from DEMO_MODERATOR_PASSWORD or is generated once and kept in .data/.
async function ensureDemoModerator(db: PrismaClient, isDemo: boolean, secrets: LocalSecrets): Promise<string> {
  const demoPassword = process.env.DEMO_MODERATOR_PASSWORD ?? secrets.demoModeratorPassword;
  if (isDemo && (await db.staffUser.count()) === 0) {
    const password = demoPassword ?? generatePassword();
    await upsertStaffUser(db, { email: DEMO_MODERATOR_EMAIL, name: "Demo Moderator", password, role: "ADMIN" });
    if (!process.env.DEMO_MODERATOR_PASSWORD) await saveLocalSecrets({ ...secrets, demoModeratorPassword: password });
    return `sign in as ${DEMO_MODERATOR_EMAIL} with password ${password}`;
  }
  const demoAccount = await db.staffUser.findFirst({ where: { email: DEMO_MODERATOR_EMAIL, active: true }, select: { id: true } });
  if (isDemo && demoAccount && demoPassword) return `sign in as ${DEMO_MODERATOR_EMAIL} with password ${demoPassword}`;
  return "sign in with a staff account (create one with: npm run staff:create)";
}
