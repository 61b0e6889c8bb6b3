import { defineConfig } from "prisma/config";

// The CLI reads the connection only for commands that talk to a database (studio, db pull);
// the app itself connects through lib/db.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/newsroom" },
});
