import "server-only";
import { applyRetention, describeRetention, readRetentionPeriods, type RetentionReport } from "@/lib/data/site/retention";
import { getDb } from "@/lib/db";

// The scheduled run: the periods are read from the settings at each run, so a change on the settings page applies
// from the next run on. The log line holds counts only.
export async function runRetention(now = new Date()): Promise<RetentionReport> {
  const db = getDb();
  const report = await applyRetention(db, await readRetentionPeriods(db), now);
  console.log(JSON.stringify({ level: "info", job: "retention", ...report, summary: describeRetention(report), time: now.toISOString() }));
  return report;
}
