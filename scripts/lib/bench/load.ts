import autocannon from "autocannon";

// One load run with autocannon and the figures the report needs.
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

export async function load(name: string, url: string, options: Partial<autocannon.Options> = {}, warmUp = true): Promise<LoadResult> {
  // A short unmeasured run first: the first requests fill caches and compile code paths.
  if (warmUp) await autocannon({ url, connections: CONNECTIONS, amount: 300, ...options });
  console.log(`[bench] ${name}: ${SECONDS} s, ${CONNECTIONS} connections`);
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
