import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/http/database-errors";
import { logError } from "@/lib/log";

const CHECK_TIMEOUT_MS = 2_000;

// GET /api/health/ready — this server can serve pages: the database answers within two seconds. 503 with
// Retry-After otherwise, so a load balancer sends readers elsewhere until it recovers.
export async function GET() {
  await connection();
  const headers = { "Cache-Control": "no-store" };
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) =>
        setTimeout(() => reject(Object.assign(new Error("database check timed out"), { code: "ETIMEDOUT" })), CHECK_TIMEOUT_MS).unref(),
      ),
    ]);
    return Response.json({ status: "ready" }, { headers });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) logError("readiness", error);
    return Response.json({ status: "unavailable", reason: "database" }, { status: 503, headers: { ...headers, "Retry-After": "5" } });
  }
}
