import "server-only";
import { newsroomTimeZone } from "@/lib/env";

// Dates are shown in the newsroom's time zone (NEWSROOM_TIME_ZONE) with the zone named, so readers abroad know what
// "9:30" means. Formats are made once per zone.
let formats: { zone: string; dateTime: Intl.DateTimeFormat; date: Intl.DateTimeFormat; zoneName: Intl.DateTimeFormat } | null = null;

function currentFormats() {
  const zone = newsroomTimeZone();
  if (formats?.zone !== zone) {
    formats = {
      zone,
      dateTime: new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: zone }),
      date: new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: zone }),
      zoneName: new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" }),
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
