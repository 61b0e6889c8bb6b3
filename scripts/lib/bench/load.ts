import autocannon from "autocannon";
import { wrk } from "./wrk";

// One load run and the figures the report needs: reads with wrk, comment posts (a body per request) with autocannon.
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 32;

export type LoadResult = {
  name: string;
  url: string;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number | null;
};

export async function read(name: string, url: string, headers: Record<string, string> = {}, yielding = false): Promise<LoadResult> {
  // A short unmeasured run first: the first requests fill caches and compile code paths.
  await wrk(url, { seconds: 1, connections: CONNECTIONS, headers, yielding });
  console.log(`[bench] ${name}: ${SECONDS} s, ${CONNECTIONS} connections (wrk${yielding ? ", at the lowest priority" : ""})`);
  const result = await wrk(url, { seconds: SECONDS, connections: CONNECTIONS, headers, yielding });
  return {
    name,
    url,
    requestsPerSecond: result.requestsPerSecond,
    medianMs: result.medianMs,
    p99Ms: result.p99Ms,
    total: result.total,
    ok: result.total - result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result.total > 0 ? Math.round(result.bytesRead / result.total) : null,
  };
}

export async function load(name: string, url: string, options: Partial<autocannon.Options> = {}): Promise<LoadResult> {
  console.log(`[bench] ${name}: ${SECONDS} s, ${CONNECTIONS} connections (autocannon)`);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
  return {
    name,
    url,
    requestsPerSecond: result.requests.average,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : null,
  };
}
