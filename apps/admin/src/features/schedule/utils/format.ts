import { startOfZonedDay } from '@portal/ui';

/**
 * Appointment times for staff: always in the location's time zone, with the zone named, since
 * a clinic in another zone would otherwise read an hour or more off.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}

/** "9:30 – 10:00 AM EST" */
export function formatTimeRange(
  startIso: string,
  endIso: string,
  timeZone: string,
  locale: string,
): string {
  return format(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).formatRange(new Date(startIso), new Date(endIso));
}

/** "9:30 – 10:00 AM" (the zone is named once, beside the list). */
export function formatTimeRangeBare(
  startIso: string,
  endIso: string,
  timeZone: string,
  locale: string,
): string {
  return format(locale, { hour: 'numeric', minute: '2-digit', timeZone }).formatRange(
    new Date(startIso),
    new Date(endIso),
  );
}

/** "9:30 AM" */
export function formatClock(iso: string, timeZone: string, locale: string): string {
  return format(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** "Tuesday, December 1, 2026" for a calendar date shown in a zone. */
export function formatDayLong(date: string, timeZone: string, locale: string): string {
  return format(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone,
  }).format(new Date(startOfZonedDay(date, timeZone)));
}

/** "Tue, Dec 1": a calendar date with no zone to shift it. */
export function formatDayShort(date: string, locale: string): string {
  return format(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/** "Dec 2" in the zone. */
export function formatMonthDay(iso: string, timeZone: string, locale: string): string {
  return format(locale, { month: 'short', day: 'numeric', timeZone }).format(new Date(iso));
}

/** "Dec 1, 9:30 AM EST" in the zone. */
export function formatMonthDayTime(iso: string, timeZone: string, locale: string): string {
  return format(locale, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** "Tue, Dec 1, 2026, 9:30 AM EST": compact but complete, for tables and lists. */
export function formatWhen(iso: string, timeZone: string, locale: string): string {
  return format(locale, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}
