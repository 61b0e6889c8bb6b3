import { defineConfig } from "@playwright/test";

// Driven by scripts/test.ts, which starts the production build on its own database and sets these variables.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A guard against a test that hangs, not a speed target: the longest flows (three comments posted and approved in
  // turn) take over 20 s on a shared two-core machine while another test runs beside them.
  timeout: 60_000,
  reporter: [["list"]],
  // Tests that change site-wide settings run alone, after all the others.
  projects: [
    { name: "site", testIgnore: /\.serial\.spec\.ts$/ },
    { name: "settings", testMatch: /\.serial\.spec\.ts$/, dependencies: ["site"], fullyParallel: false, workers: 1 },
  ],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    },
  },
});
