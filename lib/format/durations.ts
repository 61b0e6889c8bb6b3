// How long something has waited, as a moderator reads it at a glance: "45 s", "12 min", "3 h", "2 days".
export function formatWaiting(sinceIso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - new Date(sinceIso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  const days = Math.floor(seconds / 86_400);
  return `${days} day${days === 1 ? "" : "s"}`;
}
