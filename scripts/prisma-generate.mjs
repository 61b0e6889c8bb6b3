// Generates the Prisma client. Prisma's CLI wants its native schema engine on disk even though `generate` never runs
// it, and downloads it on first use; where that download is impossible (no route to Prisma's server) the CLI is
// pointed at a stand-in script so generation still works. Machines that can download keep the normal behaviour.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const stub = fileURLToPath(new URL("./schema-engine-unavailable.sh", import.meta.url));

function generate(env) {
  return spawnSync("npx", ["--no-install", "prisma", "generate"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

let result = generate(process.env);
if (result.status !== 0 && /binaries\.prisma\.sh|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(result.stderr + result.stdout)) {
  result = generate({ ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub });
}
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exit(result.status ?? 1);
