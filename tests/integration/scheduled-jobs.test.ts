import { beforeEach, describe, expect, it } from "vitest";
import { claimJobRun, releaseJobRun } from "@/lib/data/site/scheduled-jobs";
import { db, resetDatabase } from "../helpers/integration-db";

beforeEach(resetDatabase);

describe("scheduled jobs across servers", () => {
  it("give each period's run to exactly one of many servers asking at once", async () => {
    const claims = await Promise.all(Array.from({ length: 12 }, () => claimJobRun("digest", 300)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Within the period nobody else gets it, and another job is claimed on its own.
    expect(await claimJobRun("digest", 300)).toBe(false);
    expect(await claimJobRun("retention", 3600)).toBe(true);
  });

  it("give the next run once the period has passed since the last one started", async () => {
    expect(await claimJobRun("digest", 300)).toBe(true);
    await db.$executeRaw`UPDATE "ScheduledJob" SET "lastRunAt" = now() - interval '299 seconds' WHERE name = 'digest'`;
    expect(await claimJobRun("digest", 300)).toBe(false);
    await db.$executeRaw`UPDATE "ScheduledJob" SET "lastRunAt" = now() - interval '301 seconds' WHERE name = 'digest'`;
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimJobRun("digest", 300)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [row] = await db.$queryRaw<{ age: number }[]>`SELECT extract(epoch FROM now() - "lastRunAt")::float AS age FROM "ScheduledJob" WHERE name = 'digest'`;
    expect(row!.age).toBeLessThan(5);
  });

  it("give a failed run's period back, so the next tick runs it again", async () => {
    expect(await claimJobRun("retention", 3600)).toBe(true);
    expect(await claimJobRun("retention", 3600)).toBe(false);
    await releaseJobRun("retention");
    expect(await claimJobRun("retention", 3600)).toBe(true);
  });
});
