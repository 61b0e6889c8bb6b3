import { randomBytes, randomUUID } from "node:crypto";
import { request } from "node:http";
import type pg from "pg";

// What the robustness checks send and how they judge it: submissions and page views timed and tallied, and the
// comments stored checked against the answers.
const RUN = randomBytes(4).toString("hex");

export const failures: string[] = [];
export function check(condition: boolean, what: string) {
  console.log(`  ${condition ? "ok  " : "FAIL"} ${what}`);
  if (!condition) failures.push(what);
}

export type Outcome = {
  status: number | "timeout" | "reset" | "refused" | "error";
  ms: number;
  marker: string;
  retryAfter: string | null;
  startedAt: number;
  cache?: string | null;
};

// One submission with a unique marker in its text and its own idempotency key. A reply that takes longer than the
// limit counts as a hang.
export async function submit(base: string, articleId: number, limitMs: number, closeConnection = false): Promise<Outcome> {
  const marker = `robust-${RUN}-${randomUUID()}`;
  const startedAt = Date.now();
  try {
    const response = await fetch(`${base}/api/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": randomUUID(), ...(closeConnection ? { connection: "close" } : {}) },
      body: JSON.stringify({ articleId, name: "Load Tester", email: "load@example.com", body: `Load comment ${marker}` }),
      signal: AbortSignal.timeout(limitMs),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - startedAt, marker, retryAfter: response.headers.get("retry-after"), startedAt };
  } catch (error) {
    return { status: failure(error), ms: Date.now() - startedAt, marker, retryAfter: null, startedAt };
  }
}

// A submission the server has surely begun: its headers and half its body are sent now, the rest once `rest`
// resolves. The server has parsed the headers long before (a request, not a connection waiting to be accepted).
export function submitInTwoParts(base: string, articleId: number, rest: Promise<unknown>): Promise<Outcome> {
  const marker = `robust-${RUN}-${randomUUID()}`;
  const body = Buffer.from(JSON.stringify({ articleId, name: "Load Tester", email: "load@example.com", body: `Load comment ${marker}` }));
  const startedAt = Date.now();
  const settle = (status: Outcome["status"], retryAfter: string | null = null): Outcome => ({
    status,
    ms: Date.now() - startedAt,
    marker,
    retryAfter,
    startedAt,
  });
  return new Promise((resolve) => {
    const sending = request(`${base}/api/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": body.length, "idempotency-key": randomUUID(), connection: "close" },
    });
    sending.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(settle(response.statusCode ?? 0, (response.headers["retry-after"] as string | undefined) ?? null)));
    });
    sending.on("error", (error) => resolve(settle(failure(error))));
    sending.write(body.subarray(0, body.length >> 1));
    void rest.then(() => sending.end(body.subarray(body.length >> 1)));
  });
}

function failure(error: unknown): Exclude<Outcome["status"], number> {
  const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? (error as Error).name;
  return cause === "TimeoutError" ? "timeout" : cause === "ECONNREFUSED" ? "refused" : cause === "ECONNRESET" || cause === "UND_ERR_SOCKET" ? "reset" : "error";
}

// One anonymous reader's page view; the status, or how it failed.
export async function read(url: string): Promise<Outcome> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return { status: response.status, ms: Date.now() - startedAt, marker: url, retryAfter: null, startedAt, cache: response.headers.get("x-cache") };
  } catch (error) {
    return { status: failure(error), ms: Date.now() - startedAt, marker: url, retryAfter: null, startedAt };
  }
}

export async function load(workers: number, seconds: number, work: () => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < until) outcomes.push(await work());
    }),
  );
  return outcomes;
}

export function tally(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) counts.set(String(outcome.status), (counts.get(String(outcome.status)) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${status}: ${count}`).join(", ");
}

// Every acknowledged (2xx) submission must be stored exactly once; others may or may not have been.
export async function checkStored(client: pg.Client, outcomes: Outcome[], label: string) {
  const rows = await client.query<{ marker: string; copies: number }>(
    `SELECT substring(body from 'robust-[0-9a-f]{8}-[0-9a-f-]{36}') AS marker, count(*)::int AS copies FROM "Comment" WHERE body LIKE $1 GROUP BY 1`,
    [`Load comment robust-${RUN}-%`],
  );
  const stored = new Map(rows.rows.map((row) => [row.marker, row.copies]));
  const acknowledged = outcomes.filter((outcome) => typeof outcome.status === "number" && outcome.status >= 200 && outcome.status < 300);
  const lost = acknowledged.filter((outcome) => !stored.has(outcome.marker)).length;
  const doubled = [...stored.values()].filter((copies) => copies > 1).length;
  check(acknowledged.length > 0, `${label}: ${acknowledged.length} submissions acknowledged`);
  check(lost === 0 && doubled === 0, `${label}: every acknowledged comment stored exactly once (lost ${lost}, stored twice ${doubled})`);
}
