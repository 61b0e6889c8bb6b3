// Runs once when the server starts. Background jobs run only in a serving Node.js process, never during a build.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.BACKGROUND_JOBS === "off") return;
  const { startBackgroundJobs } = await import("@/lib/jobs/scheduler");
  startBackgroundJobs();
}
