import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type pg from "pg";
import { ROOT } from "../paths";
import { stopServer, waitUntilServing } from "../server";
import { CONNECTIONS, SECONDS } from "./load";
import type { Turns } from "./turns";
import { wrk, WRK_THREADS } from "./wrk";

// The ceilings the site is measured against, and (d') and (c'): comment posts with wrk, side by side in one run:
// through the site's JSON API, and through the ceiling, a bare node:http endpoint that parses the same JSON and stores it with one INSERT through pg. The ratio
// says how much of the machine the comment path leaves unused.
const SCRIPT = path.join(ROOT, "scripts", "lib", "bench", "post-comments.lua");

export type PostRun = {
  name: string;
  /** Acknowledged (2xx) posts per second: a refusal (429 past the attempts cap) is cheaper and stores nothing. */
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  answered2xx: number;
  other: number;
  stored: number;
  duplicated: number;
};

/** The site's posts (first) and the ceiling's (second) in turn; readers' posts; the framework's floor. */
export type PostComparison = { turns: Turns<PostRun>; readers: PostRun; floor: FloorRun };

// Seconds of posts sent first and not counted, as the reads are warmed: a server that has only just started loads the
// route's code and compiles the hot paths during the first seconds, which would be measured as the comment path.
// The framework's code is large, and V8 was still optimising it after 3 s (a second run of the same load was faster
// by a fifth); after 10 s it no longer was.
const WARM_UP_SECONDS = 10;

// Who sends the posts: the load tool's one address; as many clients as connections, taking turns (31.0.0.x and
// 32.0.0.x for the warm-up, 41… and 42… for the run), each under the attempts cap; or an address per post (10.x.y.z for
// the warm-up, 20.x.y.z for the run), as from many readers. One client alone is capped at 10,000 attempts a minute,
// so a run of 10 s could not acknowledge more than 1,000 posts a second from it, however fast the site.
export type Senders = "one client" | "a client per connection" | "an address per post";

function senderArgs(senders: Senders, warmUp: boolean): string[] {
  if (senders === "a client per connection") return [warmUp ? "30" : "40", String(CONNECTIONS / WRK_THREADS)];
  if (senders === "an address per post") return [warmUp ? "10" : "20"];
  return [];
}

/** Posts sent first and not counted (see WARM_UP_SECONDS), then the attempts they spent forgotten. */
export async function warmUpPosts(name: string, baseUrl: string, client: pg.Client, marker: string, articleId: number, senders: Senders) {
  console.log(`[bench] ${name}: ${WARM_UP_SECONDS} s of warm-up`);
  // The warm-up's comments carry another marker ("w" after the run's), so the rows counted below are the run's own.
  await wrk(`${baseUrl}/api/comments`, {
    seconds: WARM_UP_SECONDS,
    connections: CONNECTIONS,
    script: { file: SCRIPT, args: [`${marker}w`, String(articleId), ...senderArgs(senders, true)] },
  });
  await forgetAttempts(client);
}

// A client's attempts per minute are capped (10,000 at most), which a warm-up and a run, or two rounds, could pass
// together. (Answers past the cap are counted as "other" in the report, and not in the rate.)
async function forgetAttempts(client: pg.Client) {
  await client.query(`DELETE FROM "RateLimit"`);
}

/** One measured run of posts, after a warm-up. */
export async function postRun(name: string, baseUrl: string, client: pg.Client, marker: string, articleId: number, senders: Senders): Promise<PostRun> {
  console.log(`[bench] ${name}: ${SECONDS} s, ${CONNECTIONS} connections (wrk)`);
  const result = await wrk(`${baseUrl}/api/comments`, {
    seconds: SECONDS,
    connections: CONNECTIONS,
    script: { file: SCRIPT, args: [marker, String(articleId), ...senderArgs(senders, false)] },
  });
  // Requests in flight when the load stopped are finished by the server: count once nothing changes.
  let rows = { stored: -1, duplicated: 0 };
  for (let waited = 0; waited < 15_000; waited += 1000) {
    const {
      rows: [now],
    } = await client.query<{ stored: number; duplicated: number }>(
      `SELECT count(*)::int AS stored, (count(*) - count(DISTINCT "idempotencyKey"))::int AS duplicated FROM "Comment" WHERE body LIKE $1`,
      [`%number ${marker}t%`],
    );
    if (now!.stored === rows.stored) break;
    rows = now!;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await forgetAttempts(client);
  const answered2xx = result.total - result.non2xx;
  return {
    name,
    requestsPerSecond: result.total === 0 ? 0 : (result.requestsPerSecond * answered2xx) / result.total,
    medianMs: result.medianMs,
    p99Ms: result.p99Ms,
    answered2xx,
    other: result.non2xx + result.errors + result.timeouts,
    ...rows,
  };
}

/** (f') The framework's floor: what a route handler that does nothing answers here, by the same load. */
export type FloorRun = Pick<PostRun, "name" | "requestsPerSecond" | "medianMs" | "p99Ms">;

// Next.js's own work per request (routing, the web Request and Response, its async context) is the same for every
// route handler: no comment path through it can outrun this one, which answers from memory. Its share of (c') is the
// most that (d')/(c') could be.
export async function floorRun(baseUrl: string): Promise<FloorRun> {
  const name = "(f') GET /api/health/live, a handler doing nothing";
  console.log(`[bench] ${name}: ${SECONDS} s, ${CONNECTIONS} connections (wrk), after ${WARM_UP_SECONDS} s of warm-up`);
  const url = `${baseUrl}/api/health/live`;
  await wrk(url, { seconds: WARM_UP_SECONDS, connections: CONNECTIONS });
  const { requestsPerSecond, medianMs, p99Ms, non2xx, errors, timeouts } = await wrk(url, { seconds: SECONDS, connections: CONNECTIONS });
  if (non2xx + errors + timeouts > 0) throw new Error(`${name}: ${non2xx} answers other than 2xx, ${errors} errors, ${timeouts} timeouts`);
  return { name, requestsPerSecond, medianMs, p99Ms };
}

// (c) The runtime's ceiling for reads: the same bytes as the article from node:http, nothing else in the way.
export function startBareHtml(file: string, port: number): Promise<ChildProcess> {
  return startCeilingProcess(
    `
    const body = require("node:fs").readFileSync(process.env.BODY_FILE);
    require("node:http").createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
      response.end(body);
    }).listen(Number(process.env.PORT), "127.0.0.1");
    process.on("SIGTERM", () => process.exit(0));`,
    { BODY_FILE: file },
    port,
  );
}

// (c') The ceiling for comment posts: the same JSON in, one INSERT through pg's pool (10 connections, as the
// site's), 202.
export function startCeiling(databaseUrl: string, port: number): Promise<ChildProcess> {
  return startCeilingProcess(
    `
    const pg = require("pg");
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    require("node:http").createServer((request, response) => {
      if (request.method === "GET") return response.end("ready");
      const chunks = [];
      request.on("data", (chunk) => chunks.push(chunk));
      request.on("end", async () => {
        try {
          const comment = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          const { rows } = await pool.query(
            'INSERT INTO "Comment" ("articleId", "authorName", "authorEmail", body, "idempotencyKey") VALUES ($1, $2, $3, $4, $5) RETURNING id',
            [comment.articleId, comment.name, comment.email, comment.body, request.headers["idempotency-key"]],
          );
          response.writeHead(202, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ id: rows[0].id, status: "pending" }));
        } catch (error) {
          response.writeHead(500);
          response.end();
        }
      });
    }).listen(Number(process.env.PORT), "127.0.0.1");
    process.on("SIGTERM", () => pool.end().then(() => process.exit(0)));`,
    { DATABASE_URL: databaseUrl },
    port,
  );
}

// A ceiling runs in its own process, so that it shares nothing with the site but the machine.
async function startCeilingProcess(code: string, env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", code], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: "ignore" });
  try {
    await waitUntilServing(`http://127.0.0.1:${port}/`, child, 10_000);
  } catch (error) {
    await stopServer(child);
    throw error;
  }
  return child;
}
