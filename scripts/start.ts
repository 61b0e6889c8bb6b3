// npm start: one command from a fresh clone to a running site on http://localhost:3000.
import { createPrismaClient } from "@/lib/db-client";
import { seedDemoContent } from "@/prisma/seed/seed";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { buildIfNeeded, clearSiteCaches } from "./lib/build";
import { openAppDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { spawnProductionServer } from "./lib/server";
import { generatePassword, loadLocalSecrets, saveLocalSecrets } from "./lib/secrets";

const DEMO_MODERATOR_EMAIL = "moderator@example.com";
const log = (line: string) => console.log(`[start] ${line}`);

const port = Number(process.env.PORT ?? 3000);
const siteUrl = process.env.SITE_URL ?? `http://localhost:${port}`;
const secrets = await loadLocalSecrets();

const database = await openAppDatabase();
log(process.env.DATABASE_URL ? "using the database in DATABASE_URL" : "embedded PostgreSQL is running (data in .data/postgres)");
await applyMigrations(database.url, log);

const db = createPrismaClient(database.url);
const seeded = await seedDemoContent(db);
if (seeded) log("filled the empty database with demo content");
const signIn = await ensureDemoModerator(seeded || !process.env.DATABASE_URL);
await db.$disconnect();

await buildIfNeeded(".next", log);
await clearSiteCaches(".next");

const server = spawnProductionServer(
  { port, databaseUrl: database.url, secret: process.env.NEXTAUTH_SECRET ?? secrets.nextAuthSecret, siteUrl, distDir: ".next" },
  "inherit",
);

log(`the site is at ${siteUrl}`);
log(`moderation: ${siteUrl}/admin — ${signIn}`);

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
server.on("exit", async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});

// The demo moderator is made only for a demo: the embedded database, or one this start has just filled with demo
// content, and only while it has no staff at all. A newsroom's own database is never given a known account.
// The password comes from DEMO_MODERATOR_PASSWORD or is generated once and kept in .data/.
async function ensureDemoModerator(isDemo: boolean): Promise<string> {
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
