/**
 * Compact formats for dense staff tables, built on Intl; @portal/ui (format.ts) has the written-out
 * ones. Staff work on clinic desktops, so times are shown in the device's time zone, with the
 * exact UTC time available beside them (see formatUtc).
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

function instant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not an ISO 8601 date-time: ${JSON.stringify(iso)}`);
  }
  return date;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Mar 2, 2026, 3:04 PM" in the given time zone. */
export function formatShortDateTime(iso: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    instant(iso),
  );
}

/** "Mar 2, 2026" in the given time zone. */
export function formatShortDate(iso: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(instant(iso));
}

/**
 * A calendar date with no time of day (a date of birth, "1968-04-12") as "Apr 12, 1968".
 * Formatted in UTC so no time zone can move it to the day before.
 */
export function formatCalendarDate(date: string, locale: string): string {
  if (!CALENDAR_DATE.test(date)) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    instant(`${date}T00:00:00Z`),
  );
}

/** "2026-03-02 15:04:05 UTC": the exact stored time, for a tooltip or an audit reader. */
export function formatUtc(iso: string): string {
  return `${instant(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 days ago", "in 6 days", "now": how far a time is from `now`, in its largest unit. */
export function formatRelative(iso: string, now: number, locale: string): string {
  const difference = instant(iso).getTime() - now;
  const size = Math.abs(difference);
  for (const [unit, ms] of UNITS) {
    if (size >= ms) {
      return relativeFormat(locale).format(Math.trunc(difference / ms), unit);
    }
  }
  return relativeFormat(locale).format(0, 'second');
}

/**
 * The order of day, month and year in the locale's short numeric dates, e.g. ['month',
 * 'day', 'year'] for en-US and ['day', 'month', 'year'] for en-GB.
 */
export function numericDateOrder(locale: string): ('day' | 'month' | 'year')[] {
  return dateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  })
    .formatToParts(new Date(Date.UTC(2000, 0, 31)))
    .map((part) => part.type)
    .filter((type): type is 'day' | 'month' | 'year' => ['day', 'month', 'year'].includes(type));
}

/** "04/12/1968" or "12/04/1968": how the locale writes a numeric date, for hints. */
export function formatNumericDate(date: string, locale: string): string {
  return dateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).format(instant(`${date}T00:00:00Z`));
}

/** The UTC instant of local midnight at the start of a calendar day in the device's zone. */
export function startOfLocalDay(date: string): string {
  const match = CALENDAR_DATE.exec(date);
  if (!match) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toISOString();
}

/** The UTC instant of local midnight at the end of a calendar day (start of the next one). */
export function endOfLocalDay(date: string): string {
  const match = CALENDAR_DATE.exec(date);
  if (!match) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).toISOString();
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** Today's calendar date on this device, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Whole years between a date of birth and today (both YYYY-MM-DD). */
export function ageInYears(dateOfBirth: string, today: string): number {
  const [birthYear, birthRest] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(5)];
  return year - birthYear - (rest < birthRest ? 1 : 0);
}
