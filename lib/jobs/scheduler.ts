import "server-only";
import { claimJobRun, releaseJobRun } from "@/lib/data/site/scheduled-jobs";
import { publishScheduledArticles } from "@/lib/jobs/publish-scheduled";
import { runRetention } from "@/lib/jobs/retention";
import { sweepUnusedPhotos } from "@/lib/jobs/unused-photos";
import { logError } from "@/lib/log";
import { sendDueOutcomeNotices } from "@/lib/mail/comment-mails";
import { sendModeratorDigests } from "@/lib/mail/moderator-mails";

// Every server ticks this often and asks, for each job, whether a run is due.
const TICK_MS = 10_000;

// Periodic work of a running server. Every server keeps the same schedule; a run of a job goes to the one server that
// claims it in the database (claimJobRun), so several servers run each job once per period. A failed run (the
// database away, say) is logged and tried again at a later tick.
// Moderators' decisions reach commenters once their hold for undo has passed: checked at every tick, so a notice
// goes out at most a tick late; scheduled articles go live the same way. Retention (which also drops expired spent
// links) and the removal of photos uploaded but never used run hourly: their periods are days long.
const JOBS: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
  { name: "comment-outcome-notices", everyMs: TICK_MS, run: () => sendDueOutcomeNotices() },
  { name: "publish-scheduled", everyMs: TICK_MS, run: () => publishScheduledArticles() },
  { name: "moderator-digests", everyMs: 5 * 60_000, run: () => sendModeratorDigests() },
  { name: "retention", everyMs: 60 * 60_000, run: () => runRetention() },
  { name: "unused-photos", everyMs: 60 * 60_000, run: () => sweepUnusedPhotos() },
];
// Ticks drift by a few milliseconds: a job is due a little before its full period has passed.
const SLACK_SECONDS = 5;

let started = false;
// A tick that finds the last one still running (a slow mail server, say) skips rather than piling up.
let running = false;

export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  const runAll = async () => {
    if (running) return;
    running = true;
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
    running = false;
  };
  // Unreferenced timers never keep a stopping server alive.
  setInterval(() => void runAll(), TICK_MS).unref();
}
