import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Outside Next.js, "server-only" has nothing to guard; tests import the data layer directly.
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/integration-setup.ts"],
          // One database shared by the files: run them one at a time.
          fileParallelism: false,
          env: {
            DATABASE_URL: process.env.TEST_DATABASE_URL ?? "",
            NEXTAUTH_SECRET: "integration-tests-secret-that-is-long-enough",
            NODE_ENV: "test",
            SITE_URL: "http://localhost:3999",
            SMTP_URL: "smtp://127.0.0.1:2527",
          },
        },
      },
    ],
  },
});
