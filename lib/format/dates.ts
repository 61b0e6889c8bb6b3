import "server-only";
import { newsroomTimeZone } from "@/lib/env";

// Dates are shown in the newsroom's time zone (NEWSROOM_TIME_ZONE) with the zone named, so readers abroad know what
// "9:30" means. Formats are made once per zone.
let formats: { zone: string; dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat; zoneName: Intl.DateTimeFormat; wallClock: Intl.DateTimeFormat } | null =
  null;

function currentFormats() {
  const zone = newsroomTimeZone();
  if (formats?.zone !== zone) {
    formats = {
      zone,
      dateTime: new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: zone }),
      date: new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: zone }),
      zoneName: new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }),
      wallClock: new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      }),
    };
  }
  return formats;
}

// "December 4, 2026 at 3:28 PM GMT+1": the zone as Intl names it for readers of English (UTC stays "UTC").
export function formatDateTime(iso: string): string {
  const { zone, dateTime } = currentFormats();
  const label = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" })
    .formatToParts(new Date(iso))
    .find((part) => part.type === "timeZoneName");
  return `${dateTime.format(new Date(iso))} ${label?.value ?? zone}`;
}

export function formatDate(iso: string): string {
  return currentFormats().date.format(new Date(iso));
}

// Days in a form (YYYY-MM-DD) are the newsroom's days: a day begins at midnight in its time zone. Where a clock
// change skips midnight, the day begins at its first moment.
const HOUR_MS = 60 * 60 * 1000;

// The newsroom's calendar day at an instant, and its clock's reading as if it were UTC (the difference is the offset).
function wallClock(instant: number) {
  const parts = Object.fromEntries(
    currentFormats()
      .wallClock.formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return { day, asUtc: Date.parse(`${day}T${parts.hour}:${parts.minute}:${parts.second}Z`) };
}

export function startOfNewsroomDay(day: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // The offsets in force around that midnight (two when the clocks change that day); of the instants they give,
  // the earliest that falls on the day.
  const offsets = new Set([-14, 0, 14].map((hours) => midnightUtc + hours * HOUR_MS).map((instant) => wallClock(instant).asUtc - instant));
  const starts = [...offsets].map((offset) => midnightUtc - offset).filter((instant) => wallClock(instant).day === day);
  return new Date(Math.min(...starts));
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR_MS).toISOString().slice(0, 10);
}

// A time typed in a datetime-local field ("2026-12-05T09:30") is a time on the newsroom's clock, wherever the
// journalist's browser is. Where the clocks go back it names two instants and the earlier is meant; where they go
// forward, or when it is no date at all, it names none and null says so.
export function instantOfNewsroomTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const asUtc = Date.parse(`${value}:00Z`);
  if (Number.isNaN(asUtc) || new Date(asUtc).toISOString().slice(0, 16) !== value) return null;
  const offsets = new Set([-14, 0, 14].map((hours) => asUtc + hours * HOUR_MS).map((instant) => wallClock(instant).asUtc - instant));
  const instants = [...offsets].map((offset) => asUtc - offset).filter((instant) => wallClock(instant).asUtc === asUtc);
  return instants.length > 0 ? new Date(Math.min(...instants)) : null;
}

/** An instant as a datetime-local field shows it, on the newsroom's clock. */
export function newsroomTimeOf(iso: string): string {
  return new Date(wallClock(Date.parse(iso)).asUtc).toISOString().slice(0, 16);
}

/** The newsroom's time zone as a form names it beside a time ("GMT+1", "UTC"). */
export function newsroomZoneLabel(at = new Date()): string {
  const { zone, zoneName } = currentFormats();
  return zoneName.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? zone;
}
