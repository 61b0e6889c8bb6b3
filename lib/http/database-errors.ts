// Errors that mean "the database cannot be reached right now" (it is down, restarting, out of connections, or refusing
// them during a failover: ALTER DATABASE … ALLOW_CONNECTIONS false), which deserve a 503 with Retry-After rather than
// a 500. The last has the generic SQLSTATE 55000, so it is known by its message.
// 55P03 and 57014: a lock or a statement that took longer than the serving app allows (lib/db-client.ts).
const UNAVAILABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P03",
  "53300",
  "55P03",
  "57014",
]);

const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|Connection terminated|ConnectionClosed|DatabaseNotReachable|connect ETIMEDOUT|too many clients|the database system is (starting up|shutting down)|terminating connection due to administrator command|timeout exceeded when trying to connect|is not currently accepting connections|Unable to start a transaction in the given time/i;

// Prisma wraps the driver's error as `cause` or, for driver adapters, as `meta.driverAdapterError`: both are followed.
export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 10; seen += 1) {
    const current = pending.shift();
    if (!current || typeof current !== "object") continue;
    const { code, message, cause, meta } = current as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    pending.push(cause, meta?.driverAdapterError);
  }
  return false;
}
