// npm start: one command from a fresh clone to a running site on http://localhost:3000.
import { handleStopSignalsHere } from "./lib/database";
import { prepareSite } from "./lib/prepare-site";
import { spawnProductionServer } from "./lib/server";

const log = (line: string) => console.log(`[start] ${line}`);

const port = Number(process.env.PORT ?? 3000);
const siteUrl = process.env.SITE_URL ?? `http://localhost:${port}`;
const { database, secret, signIn } = await prepareSite(log);

const server = spawnProductionServer({ port, databaseUrl: database.url, secret, siteUrl, distDir: ".next" }, "inherit");

log(`the site is at ${siteUrl}`);
log(`moderation: ${siteUrl}/admin — ${signIn}`);

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
}
// The server finishes the requests in flight, then the embedded database stops (server.on("exit") below).
handleStopSignalsHere();
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
server.on("exit", async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
