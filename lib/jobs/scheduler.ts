import "server-only";
import { claimJobRun, releaseJobRun } from "@/lib/data/site/scheduled-jobs";
import { runRetention } from "@/lib/jobs/retention";
import { logError } from "@/lib/log";
import { sendModeratorDigests } from "@/lib/mail/moderator-mails";

const EVERY_MS = 5 * 60_000;
const FIRST_RUN_MS = 60_000;

// Periodic work of a running server. Every server keeps the same schedule; a run of a job goes to the one server that
// claims it in the database (claimJobRun), so several servers run each job once per period. A failed run (the
// database away, say) is logged and tried again at a later tick.
// Retention (which also drops expired spent links) runs hourly: its periods are days long.
const JOBS: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
  { name: "moderator-digests", everyMs: EVERY_MS, run: () => sendModeratorDigests() },
  { name: "retention", everyMs: 60 * 60_000, run: () => runRetention() },
];
// Ticks drift by a few milliseconds: a job is due a little before its full period has passed.
const SLACK_SECONDS = 5;

let started = false;

export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  const runAll = async () => {
    for (const job of JOBS) {
      let claimed = false;
      try {
        claimed = await claimJobRun(job.name, job.everyMs / 1000 - SLACK_SECONDS);
        if (claimed) await job.run();
      } catch (error) {
        if (claimed) await releaseJobRun(job.name).catch(() => undefined);
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
