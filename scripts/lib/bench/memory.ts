import { readFileSync } from "node:fs";

// A process's resident memory now and at its peak, in KiB, from /proc.
export function memoryKb(pid: number): { rss: number; hwm: number } {
  // Synchronous on purpose: read the very moment it is asked for, between load runs.
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: field("VmRSS"), hwm: field("VmHWM") };
}
