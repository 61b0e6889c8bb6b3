import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The cluster tests: scripts/test.ts starts two instances behind Varnish and hands their addresses over. They run one
// at a time, since each watches what the shared caches hold between its own changes.
export default defineConfig({
  ...base,
  testDir: "tests/cluster",
  // Apart from the browser tests' results, which a cluster run would otherwise wipe before anyone saw them.
  outputDir: "test-results/cluster",
  fullyParallel: false,
  workers: 1,
  projects: undefined,
  use: { ...base.use, baseURL: undefined },
});
