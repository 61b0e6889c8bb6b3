import { applyMigrations } from "../../scripts/lib/migrate";

// scripts/test.ts hands over an empty database; every integration run starts from the migrations.
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run the integration tests through npm test");
  await applyMigrations(url, () => {});
}
