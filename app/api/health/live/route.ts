// GET /api/health/live — the process is up and answering. It does not touch the database: a database outage must
// not make an orchestrator restart healthy app servers (readiness tells that state apart).
export function GET() {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
