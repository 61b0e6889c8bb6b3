// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database).
import { openAppDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";

const database = await openAppDatabase();
try {
  const applied = await applyMigrations(database.url);
  if (applied.length === 0) console.log("The database is up to date.");
} finally {
  await database.stop();
}
