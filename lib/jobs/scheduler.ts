import "server-only";
import { logError } from "@/lib/log";
import { runRetention } from "@/lib/jobs/retention";
import { sendModeratorDigests } from "@/lib/mail/moderator-mails";

const EVERY_MS = 5 * 60_000;
const FIRST_RUN_MS = 60_000;

// Periodic work of a running server. Each job claims its work in the database, or (retention) only removes what is
// still due, so several servers running the same schedule do it once; a failed run (the database away, say) is
// logged and tried again next time.
// Retention (which also drops expired spent links) runs hourly: its periods are days long.
const JOBS: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
  { name: "moderator-digests", everyMs: EVERY_MS, run: () => sendModeratorDigests() },
  { name: "retention", everyMs: 60 * 60_000, run: () => runRetention() },
];
const lastRunAt = new Map<string, number>();

let started = false;

export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  const runAll = async () => {
    for (const job of JOBS) {
      const last = lastRunAt.get(job.name);
      if (last !== undefined && Date.now() - last < job.everyMs - 1000) continue;
      lastRunAt.set(job.name, Date.now());
      try {
        await job.run();
      } catch (error) {
        logError(`job:${job.name}`, error);
      }
    }
  };
  // Unreferenced timers never keep a stopping server alive.
  setTimeout(() => {
    void runAll();
    setInterval(() => void runAll(), EVERY_MS).unref();
  }, FIRST_RUN_MS).unref();
}
