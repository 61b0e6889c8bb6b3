// "3 hours ago" for what happened in the last day; null for anything older (or in the future, as a clock that is
// behind would have it), which keeps its date.
const FRESH_MINUTES = 24 * 60;
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function freshTimeAgo(iso: string, now: number): string | null {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (Number.isNaN(minutes) || minutes < 0 || minutes >= FRESH_MINUTES) return null;
  if (minutes < 1) return "just now";
  if (minutes < 60) return relative.format(-minutes, "minute");
  return relative.format(-Math.floor(minutes / 60), "hour");
}
