import "server-only";
import { getDb } from "@/lib/db";

/**
 * Claims this period's run of a job for the caller: true for exactly one caller across every server when the job
 * last started at least `everySeconds` ago, or never. One statement, timed by the database's clock, so that two
 * servers asking at once, or with clocks apart, cannot both win.
 */
export async function claimJobRun(name: string, everySeconds: number): Promise<boolean> {
  const claimed = await getDb().$executeRaw`
    INSERT INTO "ScheduledJob" (name, "lastRunAt") VALUES (${name}, now())
    ON CONFLICT (name) DO UPDATE SET "lastRunAt" = EXCLUDED."lastRunAt"
    WHERE "ScheduledJob"."lastRunAt" <= now() - make_interval(secs => ${everySeconds})`;
  return claimed === 1;
}

/** Gives a failed run's period back, so the next tick (on any server) runs the job again. */
export async function releaseJobRun(name: string): Promise<void> {
  await getDb().$executeRaw`UPDATE "ScheduledJob" SET "lastRunAt" = 'epoch' WHERE name = ${name}`;
}
