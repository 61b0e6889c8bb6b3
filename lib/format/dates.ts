// Dates are shown in the newsroom's time zone with the zone named, so readers abroad know what "9:30" means.
const NEWSROOM_TIME_ZONE = "UTC";

const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: NEWSROOM_TIME_ZONE,
});

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: NEWSROOM_TIME_ZONE });

export function formatDateTime(iso: string): string {
  return `${dateTimeFormat.format(new Date(iso))} ${NEWSROOM_TIME_ZONE}`;
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}
