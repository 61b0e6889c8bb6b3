// A count that stopped at a cap (lib/data/moderation/moderation-queue.ts: COUNT_CAP), as staff read it: "1,000+".
export function formatCount(count: number, cap: number): string {
  return count > cap ? `${cap.toLocaleString("en")}+` : count.toLocaleString("en");
}
