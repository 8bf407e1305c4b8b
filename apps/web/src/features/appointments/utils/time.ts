/**
 * Calendar arithmetic in a clinic location's time zone, with Intl only (no date library in
 * the first download). Instants are ISO 8601 strings in UTC, calendar dates are YYYY-MM-DD.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(instant: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') {
      fields[part.type] = Number(part.value);
    }
  }
  return {
    year: fields['year'] ?? 1970,
    month: fields['month'] ?? 1,
    day: fields['day'] ?? 1,
    hour: fields['hour'] ?? 0,
    minute: fields['minute'] ?? 0,
    second: fields['second'] ?? 0,
  };
}

/** How far the zone's clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return asUtc - (instant - (instant % 1000));
}

function pad(value: number, length = 2): string {
  return value.toString().padStart(length, '0');
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export function calendarDate(iso: string | number, timeZone: string): string {
  const instant = typeof iso === 'number' ? iso : Date.parse(iso);
  const clock = wallClock(instant, timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
}

/** Today's date in a zone. */
export function today(timeZone: string, now: number = Date.now()): string {
  return calendarDate(now, timeZone);
}

/** The date `days` after (or before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const match = DATE_PATTERN.exec(date);
  if (!match) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  const shifted = new Date(
    Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + days * DAY_MS,
  );
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/**
 * The instant a calendar day starts in a zone, as ISO 8601 UTC. Days that start with a
 * daylight-saving jump begin at the first wall-clock time that exists.
 */
export function startOfDay(date: string, timeZone: string): string {
  const match = DATE_PATTERN.exec(date);
  if (!match) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  const midnightAsUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // The offset at UTC midnight is nearly always the offset at local midnight; check once more
  // with the first guess, which settles the days where the offset changes in between.
  let instant = midnightAsUtc - zoneOffset(midnightAsUtc, timeZone);
  instant = midnightAsUtc - zoneOffset(instant, timeZone);
  if (calendarDate(instant, timeZone) !== date) {
    // Midnight did not exist (the clocks jumped past it): the day starts an hour later.
    instant += HOUR_MS;
  }
  return new Date(instant).toISOString();
}

/** Whole hours between two instants, rounded: the change-online limit, as the API set it. */
export function hoursBetween(earlier: string, later: string): number {
  return Math.round((Date.parse(later) - Date.parse(earlier)) / HOUR_MS);
}

/** Items grouped by the calendar day they start on in their own zone, earliest first. */
export function groupByDay<T>(
  items: readonly T[],
  startsAt: (item: T) => string,
  timeZone: (item: T) => string,
): { date: string; first: T; items: T[] }[] {
  const sorted = [...items].sort((a, b) => Date.parse(startsAt(a)) - Date.parse(startsAt(b)));
  const groups: { date: string; first: T; items: T[] }[] = [];
  const byDate = new Map<string, { date: string; first: T; items: T[] }>();
  for (const item of sorted) {
    const date = calendarDate(startsAt(item), timeZone(item));
    let group = byDate.get(date);
    if (!group) {
      group = { date, first: item, items: [] };
      byDate.set(date, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
