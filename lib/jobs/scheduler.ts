import "server-only";
import { logError } from "@/lib/log";
import { purgeExpiredSpentLinks } from "@/lib/data/review-links";
import { sendModeratorDigests } from "@/lib/mail/moderator-mails";

const EVERY_MS = 5 * 60_000;
const FIRST_RUN_MS = 60_000;

// Periodic work of a running server. Each job claims its work in the database, so several servers running the
// same schedule do it once; a failed run (the database away, say) is logged and tried again next time.
const JOBS: { name: string; run: () => Promise<unknown> }[] = [
  { name: "moderator-digests", run: () => sendModeratorDigests() },
  { name: "spent-links", run: () => purgeExpiredSpentLinks() },
];

let started = false;

export function startBackgroundJobs(): void {
  if (started) return;
  started = true;
  const runAll = async () => {
    for (const job of JOBS) {
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
