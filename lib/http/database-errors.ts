// Errors that mean "the database cannot be reached right now" (it is down, restarting or out of connections),
// which deserve a 503 with Retry-After rather than a 500.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "53300"]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === "string" && /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|too many clients|the database system is (starting up|shutting down)|timeout exceeded when trying to connect/i.test(message)) return true;
    current = cause;
  }
  return false;
}
