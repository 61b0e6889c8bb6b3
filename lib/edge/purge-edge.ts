import "server-only";
import { serverEnv } from "@/lib/env";
import { logError } from "@/lib/log";

const PURGE_TIMEOUT_MS = 2000;

// Asks each HTTP cache in EDGE_PURGE_URLS (Varnish with deploy/varnish/site.vcl) to drop the pages stored under
// these keys. A cache that does not answer is logged, not retried: its copies expire with their s-maxage.
export async function purgeEdgeKeys(keys: string[]): Promise<void> {
  const edges = serverEnv().EDGE_PURGE_URLS;
  if (edges.length === 0 || keys.length === 0) return;
  await Promise.all(
    edges.map(async (edge) => {
      try {
        const response = await fetch(edge, { method: "PURGE", headers: { "xkey-purge": keys.join(" ") }, signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
        if (!response.ok) throw new Error(`${edge} answered ${response.status} to a purge`);
      } catch (error) {
        logError("edge-purge", error);
      }
    }),
  );
}
