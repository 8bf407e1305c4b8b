/**
 * Wall-clock dates and times in a clinic location's time zone, and the UTC instants they stand
 * for, with Intl only (the apps have no date library, which keeps it out of their first
 * download). Calendar dates are 'YYYY-MM-DD', times of day 'HH:MM' (24 h), weekdays ISO
 * (1 = Monday … 7 = Sunday), instants ISO 8601 in UTC (or epoch milliseconds where noted).
 */

const DAY = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values['year'] ?? 0,
    month: values['month'] ?? 1,
    day: values['day'] ?? 1,
    // Some engines write midnight as 24 even with h23.
    hour: (values['hour'] ?? 0) % 24,
    minute: values['minute'] ?? 0,
    second: values['second'] ?? 0,
  };
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (−5 h in New York winter). */
function zoneOffset(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

function parseDate(date: string): [number, number, number] {
  const match = CALENDAR_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function parseTime(time: string): [number, number] {
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new RangeError(`Not an HH:MM time: ${JSON.stringify(time)}`);
  return [Number(match[1]), Number(match[2])];
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function isTime(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

/**
 * The UTC instant at which the zone's clocks show this date and time. A time skipped when the
 * clocks go forward counts from before the change (2:30 on the spring-forward night in New York
 * is 3:30 EDT); a time that happens twice when they go back is its first occurrence.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): string {
  const [year, month, day] = parseDate(date);
  const [hour, minute] = parseTime(time);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offset can differ on either side of the answer; trying both finds it.
  const first = asUtc - zoneOffset(asUtc, timeZone);
  const second = asUtc - zoneOffset(first, timeZone);
  const candidates = [...new Set([first, second, asUtc - zoneOffset(second, timeZone)])];
  const shows = (instant: number) => {
    const wall = wallClock(instant, timeZone);
    return (
      wall.year === year &&
      wall.month === month &&
      wall.day === day &&
      wall.hour === hour &&
      wall.minute === minute
    );
  };
  const exact = candidates.filter(shows);
  const chosen = exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
  return new Date(chosen).toISOString();
}

/** The calendar date the zone's clocks show at an instant (ISO 8601 or epoch milliseconds). */
export function zonedDate(instant: string | number, timeZone: string): string {
  const wall = wallClock(typeof instant === 'number' ? instant : Date.parse(instant), timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The time of day ('HH:MM') the zone's clocks show at an instant. */
export function zonedTime(iso: string, timeZone: string): string {
  const wall = wallClock(Date.parse(iso), timeZone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * The UTC instant a calendar day starts in the zone: local midnight, or the first wall-clock
 * time that exists where the clocks jump past midnight.
 */
export function startOfZonedDay(date: string, timeZone: string): string {
  return zonedToUtc(date, '00:00', timeZone);
}

/** Calendar-date arithmetic; no time zone takes part. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [year, month, day] = parseDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the week a date falls in. */
export function startOfWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Today's date on the zone's clocks. */
export function zonedToday(timeZone: string, now: number = Date.now()): string {
  return zonedDate(now, timeZone);
}

/** "EST", "CET", or "GMT+5:30" where the locale has no abbreviation. */
export function zoneAbbreviation(iso: string, timeZone: string, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
