import { IANAZone } from 'luxon';

/**
 * Open hours and bookable slots, as pure functions of a provider's weekly rules, exceptions
 * and appointments. Instants are epoch milliseconds; every interval is [start, end).
 *
 * Weekly rules are wall-clock times in their location's zone, so a 09:00–17:00 rule opens at
 * 09:00 local time on both sides of a daylight-saving change. A wall time that does not
 * exist (the hour skipped in spring) is skipped: a boundary inside the gap moves to the
 * instant the clock jumps. A wall time that happens twice (the hour repeated in autumn)
 * means its first occurrence, the earlier offset.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface Interval {
  start: number;
  end: number;
}

/** Open hours of one provider at one location. */
export interface Window extends Interval {
  locationId: string;
}

export interface WeeklyRule {
  locationId: string;
  /** The location's IANA zone, in which the times and dates below are read. */
  timeZone: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** HH:MM (seconds, as PostgreSQL writes a time, are ignored). */
  startTime: string;
  endTime: string;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  validUntil: string | null;
}

export interface HoursException {
  kind: 'time-off' | 'extra-hours';
  /** Where extra hours are; time off (null) applies everywhere. */
  locationId: string | null;
  start: number;
  end: number;
}

/** Minutes since midnight of an HH:MM or HH:MM:SS time of day. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: number, timeZone: string): string {
  return new Date(localClock(IANAZone.create(timeZone), instant)).toISOString().slice(0, 10);
}

/** A calendar date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

// Reading a zone's offset goes through Intl and costs microseconds; open-time searches ask
// for the same instants (wall times of the same dates) again and again, so answers are kept.
// Zone rules do not change while the process runs. Bounded: cleared when it grows large.
const OFFSET_CACHE_LIMIT = 200_000;
const offsetCache = new Map<string, number>();

/** Minutes the zone is ahead of UTC at an instant. */
function offsetAt(zone: IANAZone, instant: number): number {
  const key = `${zone.name}|${instant}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    offset = zone.offset(instant);
    offsetCache.set(key, offset);
  }
  return offset;
}

/** What the local clock reads at an instant, written as if it were UTC. */
function localClock(zone: IANAZone, instant: number): number {
  return instant + offsetAt(zone, instant) * MINUTE;
}

/**
 * The first instant at which the local clock on `date` reads `minutes` past midnight or
 * later: the time itself when it exists once, its earlier occurrence when the clock passes
 * it twice, and the moment the clock jumps over it when it does not exist.
 */
export function wallTimeToInstant(date: string, minutes: number, timeZone: string): number {
  const zone = IANAZone.create(timeZone);
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE;
  // The offsets in force within a day either side: a change of offset is never closer.
  const offsets = new Set([
    offsetAt(zone, wall - DAY),
    offsetAt(zone, wall),
    offsetAt(zone, wall + DAY),
  ]);
  const candidates = [...offsets].map((offset) => ({
    instant: wall - offset * MINUTE,
    offset,
  }));
  const valid = candidates.filter(({ instant, offset }) => offsetAt(zone, instant) === offset);
  if (valid.length) return Math.min(...valid.map(({ instant }) => instant));
  // The time falls in a gap: find, to the minute, where the clock first reads it or later.
  let low = Math.min(...candidates.map(({ instant }) => instant));
  let high = Math.max(...candidates.map(({ instant }) => instant));
  if (localClock(zone, low) >= wall) return low;
  while (high - low > MINUTE) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (localClock(zone, middle) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * The concrete windows of weekly rules on every local date that can touch `range` (the day
 * before its start through the day of its end, in each rule's zone). Windows are not clipped.
 */
export function expandWeeklyRules(rules: WeeklyRule[], range: Interval): Window[] {
  const windows: Window[] = [];
  const byZone = new Map<string, WeeklyRule[]>();
  for (const rule of rules) byZone.set(rule.timeZone, [...(byZone.get(rule.timeZone) ?? []), rule]);
  for (const [timeZone, zoneRules] of byZone) {
    const last = localDate(range.end, timeZone);
    for (let date = addDays(localDate(range.start, timeZone), -1); date <= last;) {
      const weekday = isoWeekday(date);
      for (const rule of zoneRules) {
        if (rule.weekday !== weekday || date < rule.validFrom) continue;
        if (rule.validUntil !== null && date > rule.validUntil) continue;
        const start = wallTimeToInstant(date, minutesOfDay(rule.startTime), timeZone);
        const end = wallTimeToInstant(date, minutesOfDay(rule.endTime), timeZone);
        if (end > start) windows.push({ locationId: rule.locationId, start, end });
      }
      date = addDays(date, 1);
    }
  }
  return windows;
}

/** The parts of the windows not covered by any of the intervals. */
export function subtractIntervals(windows: Window[], remove: Interval[]): Window[] {
  let pieces = windows;
  for (const cut of remove) {
    pieces = pieces.flatMap((piece) => {
      if (cut.end <= piece.start || cut.start >= piece.end) return [piece];
      const left = { locationId: piece.locationId, start: piece.start, end: cut.start };
      const right = { locationId: piece.locationId, start: cut.end, end: piece.end };
      return [left, right].filter((part) => part.end > part.start);
    });
  }
  return pieces;
}

/** Overlapping or touching windows at the same location joined, sorted by start. */
export function mergeWindows(windows: Window[]): Window[] {
  const sorted = [...windows].sort(
    (a, b) => a.locationId.localeCompare(b.locationId) || a.start - b.start,
  );
  const merged: Window[] = [];
  for (const window of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.locationId === window.locationId && window.start <= previous.end) {
      previous.end = Math.max(previous.end, window.end);
    } else {
      merged.push({ locationId: window.locationId, start: window.start, end: window.end });
    }
  }
  return merged.sort((a, b) => a.start - b.start || a.locationId.localeCompare(b.locationId));
}

/**
 * A provider's open hours: weekly hours on the dates that can touch `range`, minus time off,
 * plus extra hours (which therefore win over time off), merged per location.
 */
export function openHours(
  rules: WeeklyRule[],
  exceptions: HoursException[],
  range: Interval,
): Window[] {
  const timeOff = exceptions.filter((exception) => exception.kind === 'time-off');
  const extra = exceptions
    .filter((exception) => exception.kind === 'extra-hours' && exception.locationId !== null)
    .map((exception) => ({
      locationId: exception.locationId!,
      start: exception.start,
      end: exception.end,
    }));
  return mergeWindows([...subtractIntervals(expandWeeklyRules(rules, range), timeOff), ...extra]);
}

/** Windows cut to a range, dropping those outside it. */
export function clipWindows(windows: Window[], range: Interval): Window[] {
  return windows
    .map((window) => ({
      ...window,
      start: Math.max(window.start, range.start),
      end: Math.min(window.end, range.end),
    }))
    .filter((window) => window.end > window.start);
}

/** True when [start, end) lies wholly inside one window at the location. */
export function isWithinWindows(
  windows: Window[],
  locationId: string,
  interval: Interval,
): boolean {
  return windows.some(
    (window) =>
      window.locationId === locationId &&
      window.start <= interval.start &&
      interval.end <= window.end,
  );
}

export interface SlotOptions {
  durationMinutes: number;
  /** Times the provider is already taken (appointments not cancelled), at any location. */
  busy: Interval[];
  /** Slots starting before this are gone. */
  now: number;
  /** Only slots starting in [range.start, range.end) are returned. */
  range: Interval;
}

/**
 * Bookable slots: each window is cut from its start into consecutive slots of the visit
 * duration that fit wholly inside it; slots overlapping a busy time, starting before now
 * or outside the range are left out. Earliest first.
 */
export function cutSlots(windows: Window[], options: SlotOptions): Window[] {
  const length = options.durationMinutes * MINUTE;
  const busy = disjoint(options.busy);
  const slots: Window[] = [];
  for (const window of windows) {
    for (let start = window.start; start + length <= window.end; start += length) {
      if (start < options.now || start < options.range.start || start >= options.range.end) {
        continue;
      }
      const end = start + length;
      if (overlapsAny(busy, start, end)) continue;
      slots.push({ locationId: window.locationId, start, end });
    }
  }
  return slots.sort((a, b) => a.start - b.start || a.locationId.localeCompare(b.locationId));
}

/** Intervals sorted by start with overlapping or touching ones joined, so their ends ascend too. */
function disjoint(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const joined: Interval[] = [];
  for (const interval of sorted) {
    const last = joined[joined.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else joined.push({ start: interval.start, end: interval.end });
  }
  return joined;
}

/**
 * Whether [start, end) overlaps one of `busy` (disjoint, ascending): a binary search for the
 * first busy time ending after `start`, since a month of a provider's visits is checked
 * against every candidate slot.
 */
function overlapsAny(busy: Interval[], start: number, end: number): boolean {
  let low = 0;
  let high = busy.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (busy[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  return low < busy.length && busy[low]!.start < end;
}
