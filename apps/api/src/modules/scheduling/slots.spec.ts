import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  addDays,
  cutSlots,
  expandWeeklyRules,
  isoWeekday,
  isWithinWindows,
  localDate,
  openHours,
  wallTimeToInstant,
  type HoursException,
  type Interval,
  type WeeklyRule,
  type Window,
} from './slots.js';

const CHICAGO = 'America/Chicago';
const LONDON = 'Europe/London';
const MAIN = 'location-main';
const LAKE = 'location-lake';

const at = (iso: string) => Date.parse(iso);
const range = (from: string, to: string): Interval => ({ start: at(from), end: at(to) });
const iso = (instant: number) => new Date(instant).toISOString();
const shown = (windows: Window[]) =>
  windows.map((w) => ({ location: w.locationId, start: iso(w.start), end: iso(w.end) }));
/** The local wall-clock time of an instant, as staff and patients would read it. */
const local = (instant: number, zone: string) =>
  DateTime.fromMillis(instant, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');

function rule(
  weekday: number,
  startTime: string,
  endTime: string,
  extra: Partial<WeeklyRule> = {},
) {
  return {
    locationId: MAIN,
    timeZone: CHICAGO,
    weekday,
    startTime,
    endTime,
    validFrom: '2026-01-01',
    validUntil: null,
    ...extra,
  } satisfies WeeklyRule;
}

const everyDay = (startTime: string, endTime: string, extra: Partial<WeeklyRule> = {}) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => rule(weekday, startTime, endTime, extra));

describe('calendar helpers', () => {
  it('reads ISO weekdays and local dates', () => {
    expect(isoWeekday('2026-03-08')).toBe(7); // a Sunday
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // 03:00 UTC on 1 December is still 30 November evening in Chicago.
    expect(localDate(at('2026-12-01T03:00:00Z'), CHICAGO)).toBe('2026-11-30');
    expect(localDate(at('2026-12-01T03:00:00Z'), LONDON)).toBe('2026-12-01');
  });
});

describe('wall times across daylight-saving changes', () => {
  it('places an ordinary wall time at its offset', () => {
    expect(iso(wallTimeToInstant('2026-01-15', 9 * 60, CHICAGO))).toBe('2026-01-15T15:00:00.000Z');
    expect(iso(wallTimeToInstant('2026-07-15', 9 * 60, CHICAGO))).toBe('2026-07-15T14:00:00.000Z');
    expect(iso(wallTimeToInstant('2026-07-15', 9 * 60, LONDON))).toBe('2026-07-15T08:00:00.000Z');
  });

  it('moves a time that does not exist (spring forward) to the moment the clock jumps', () => {
    // Chicago, 8 March 2026: 02:00 CST becomes 03:00 CDT (08:00 UTC).
    expect(iso(wallTimeToInstant('2026-03-08', 2 * 60 + 30, CHICAGO))).toBe(
      '2026-03-08T08:00:00.000Z',
    );
    expect(iso(wallTimeToInstant('2026-03-08', 3 * 60, CHICAGO))).toBe('2026-03-08T08:00:00.000Z');
    expect(iso(wallTimeToInstant('2026-03-08', 60 + 59, CHICAGO))).toBe('2026-03-08T07:59:00.000Z');
    // London, 29 March 2026: 01:00 GMT becomes 02:00 BST (01:00 UTC).
    expect(iso(wallTimeToInstant('2026-03-29', 60 + 30, LONDON))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the earlier offset for a time that happens twice (fall back)', () => {
    // Chicago, 1 November 2026: 01:30 happens at 06:30 UTC (CDT) and 07:30 UTC (CST).
    expect(iso(wallTimeToInstant('2026-11-01', 60 + 30, CHICAGO))).toBe('2026-11-01T06:30:00.000Z');
    // London, 25 October 2026: 01:30 happens at 00:30 UTC (BST) and 01:30 UTC (GMT).
    expect(iso(wallTimeToInstant('2026-10-25', 60 + 30, LONDON))).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('weekly rules', () => {
  it('keeps 09:00–17:00 local on both sides of the US spring change (Chicago, 8 March 2026)', () => {
    const windows = expandWeeklyRules(
      everyDay('09:00', '17:00'),
      range('2026-03-06T12:00:00Z', '2026-03-10T06:00:00Z'),
    );
    const days = windows.filter((w) => w.end > at('2026-03-06T12:00:00Z'));
    expect(shown(days)).toEqual(
      expect.arrayContaining([
        { location: MAIN, start: '2026-03-06T15:00:00.000Z', end: '2026-03-06T23:00:00.000Z' },
        { location: MAIN, start: '2026-03-07T15:00:00.000Z', end: '2026-03-07T23:00:00.000Z' },
        { location: MAIN, start: '2026-03-08T14:00:00.000Z', end: '2026-03-08T22:00:00.000Z' },
        { location: MAIN, start: '2026-03-09T14:00:00.000Z', end: '2026-03-09T22:00:00.000Z' },
      ]),
    );
    for (const window of days) {
      expect(local(window.start, CHICAGO)).toMatch(/ 09:00$/);
      expect(local(window.end, CHICAGO)).toMatch(/ 17:00$/);
    }
  });

  it('keeps 09:00–17:00 local on both sides of the US autumn change (Chicago, 1 November 2026)', () => {
    const windows = expandWeeklyRules(
      [rule(5, '09:00', '17:00'), rule(7, '09:00', '17:00'), rule(1, '09:00', '17:00')],
      range('2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z'),
    );
    expect(shown(windows)).toEqual(
      expect.arrayContaining([
        { location: MAIN, start: '2026-10-30T14:00:00.000Z', end: '2026-10-30T22:00:00.000Z' },
        { location: MAIN, start: '2026-11-01T15:00:00.000Z', end: '2026-11-01T23:00:00.000Z' },
        { location: MAIN, start: '2026-11-02T15:00:00.000Z', end: '2026-11-02T23:00:00.000Z' },
      ]),
    );
  });

  it('keeps wall-clock hours in London across 29 March and 25 October 2026', () => {
    const london = (weekday: number) => rule(weekday, '09:00', '17:00', { timeZone: LONDON });
    const spring = expandWeeklyRules(
      [london(5), london(1)],
      range('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'),
    );
    expect(shown(spring)).toEqual([
      { location: MAIN, start: '2026-03-27T09:00:00.000Z', end: '2026-03-27T17:00:00.000Z' },
      { location: MAIN, start: '2026-03-30T08:00:00.000Z', end: '2026-03-30T16:00:00.000Z' },
    ]);
    const autumn = expandWeeklyRules(
      [london(5), london(1)],
      range('2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z'),
    );
    expect(shown(autumn)).toEqual([
      { location: MAIN, start: '2026-10-23T08:00:00.000Z', end: '2026-10-23T16:00:00.000Z' },
      { location: MAIN, start: '2026-10-26T09:00:00.000Z', end: '2026-10-26T17:00:00.000Z' },
    ]);
  });

  it('skips the wall times that do not exist and counts the repeated hour once more', () => {
    const sunday = range('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
    // 01:00–03:30 on the spring day is an hour and a half long: 02:00–03:00 never happens.
    expect(shown(expandWeeklyRules([rule(7, '01:00', '03:30')], sunday))).toEqual([
      { location: MAIN, start: '2026-03-08T07:00:00.000Z', end: '2026-03-08T08:30:00.000Z' },
    ]);
    // Hours wholly inside the gap do not happen at all.
    expect(expandWeeklyRules([rule(7, '02:00', '02:45')], sunday)).toEqual([]);
    // Hours starting in the gap start when the clock jumps.
    expect(shown(expandWeeklyRules([rule(7, '02:30', '04:00')], sunday))).toEqual([
      { location: MAIN, start: '2026-03-08T08:00:00.000Z', end: '2026-03-08T09:00:00.000Z' },
    ]);
    // 01:30–03:00 on the autumn day starts at the first 01:30 and lasts two and a half hours.
    expect(
      shown(
        expandWeeklyRules(
          [rule(7, '01:30', '03:00')],
          range('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'),
        ),
      ),
    ).toEqual([
      { location: MAIN, start: '2026-11-01T06:30:00.000Z', end: '2026-11-01T09:00:00.000Z' },
    ]);
  });

  it('applies a rule only between its first and last day', () => {
    const windows = expandWeeklyRules(
      [rule(1, '09:00', '12:00', { validFrom: '2026-06-08', validUntil: '2026-06-15' })],
      range('2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z'),
    );
    expect(windows.map((w) => localDate(w.start, CHICAGO))).toEqual(['2026-06-08', '2026-06-15']);
  });
});

describe('open hours', () => {
  const monday = range('2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z');
  const chicago = (time: string) => at(`2026-06-08T${time}:00-05:00`);
  const off = (start: string, end: string): HoursException => ({
    kind: 'time-off',
    locationId: null,
    start: chicago(start),
    end: chicago(end),
  });
  const extra = (start: string, end: string, locationId = MAIN): HoursException => ({
    kind: 'extra-hours',
    locationId,
    start: chicago(start),
    end: chicago(end),
  });
  const localTimes = (windows: Window[]) =>
    windows.map((w) => [
      w.locationId,
      local(w.start, CHICAGO).slice(-5),
      local(w.end, CHICAGO).slice(-5),
    ]);

  it('cuts time off out of the weekly hours, at every location', () => {
    const rules = [rule(1, '09:00', '12:00'), rule(1, '13:00', '17:00', { locationId: LAKE })];
    expect(localTimes(openHours(rules, [off('11:00', '14:00')], monday))).toEqual([
      [MAIN, '09:00', '11:00'],
      [LAKE, '14:00', '17:00'],
    ]);
    expect(openHours(rules, [off('08:00', '18:00')], monday)).toEqual([]);
  });

  it('adds extra hours, joined to weekly hours they touch, and lets them win over time off', () => {
    const rules = [rule(1, '09:00', '17:00')];
    expect(
      localTimes(
        openHours(
          rules,
          [off('09:00', '17:00'), extra('10:00', '11:00'), extra('17:00', '18:00')],
          monday,
        ),
      ),
    ).toEqual([
      [MAIN, '10:00', '11:00'],
      [MAIN, '17:00', '18:00'],
    ]);
    expect(localTimes(openHours(rules, [extra('17:00', '18:30')], monday))).toEqual([
      [MAIN, '09:00', '18:30'],
    ]);
    // Extra hours elsewhere stay at their own location.
    expect(localTimes(openHours(rules, [extra('18:00', '19:00', LAKE)], monday))).toEqual([
      [MAIN, '09:00', '17:00'],
      [LAKE, '18:00', '19:00'],
    ]);
  });

  it('joins touching rules, so a visit may span them', () => {
    const windows = openHours([rule(1, '09:00', '12:00'), rule(1, '12:00', '13:00')], [], monday);
    expect(localTimes(windows)).toEqual([[MAIN, '09:00', '13:00']]);
    expect(isWithinWindows(windows, MAIN, { start: chicago('11:45'), end: chicago('12:15') })).toBe(
      true,
    );
    expect(isWithinWindows(windows, MAIN, { start: chicago('12:45'), end: chicago('13:15') })).toBe(
      false,
    );
    expect(isWithinWindows(windows, LAKE, { start: chicago('10:00'), end: chicago('10:30') })).toBe(
      false,
    );
  });
});

describe('slots', () => {
  const window = (start: string, end: string, locationId = MAIN): Window => ({
    locationId,
    start: at(start),
    end: at(end),
  });
  const all = range('2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z');
  const base = { busy: [], now: 0, range: all };
  const starts = (slots: Window[], zone = CHICAGO) => slots.map((s) => local(s.start, zone));

  it('starts at the window start and every duration after it, fitting wholly inside', () => {
    const slots = cutSlots([window('2026-06-08T09:00:00-05:00', '2026-06-08T10:30:00-05:00')], {
      ...base,
      durationMinutes: 40,
    });
    expect(starts(slots)).toEqual(['Mon 2026-06-08 09:00', 'Mon 2026-06-08 09:40']);
    expect(iso(slots[1]!.end)).toBe('2026-06-08T15:20:00.000Z');
  });

  it('offers nothing when the visit does not fit the window', () => {
    const short = [window('2026-06-08T09:00:00-05:00', '2026-06-08T09:25:00-05:00')];
    expect(cutSlots(short, { ...base, durationMinutes: 30 })).toEqual([]);
    expect(cutSlots(short, { ...base, durationMinutes: 25 })).toHaveLength(1);
  });

  it('leaves out slots overlapping a busy time, without shifting the others', () => {
    const slots = cutSlots([window('2026-06-08T09:00:00-05:00', '2026-06-08T11:00:00-05:00')], {
      ...base,
      durationMinutes: 30,
      busy: [range('2026-06-08T09:45:00-05:00', '2026-06-08T10:15:00-05:00')],
    });
    expect(starts(slots)).toEqual(['Mon 2026-06-08 09:00', 'Mon 2026-06-08 10:30']);
  });

  it('finds the busy times that overlap whatever their order, overlaps or nesting', () => {
    const day = [window('2026-06-08T08:00:00-05:00', '2026-06-08T17:00:00-05:00')];
    // Out of order, one inside another, two overlapping, one touching a slot's end only.
    const busy = [
      range('2026-06-08T15:00:00-05:00', '2026-06-08T15:20:00-05:00'),
      range('2026-06-08T09:00:00-05:00', '2026-06-08T12:00:00-05:00'),
      range('2026-06-08T10:00:00-05:00', '2026-06-08T10:10:00-05:00'),
      range('2026-06-08T10:30:00-05:00', '2026-06-08T10:50:00-05:00'),
      range('2026-06-08T11:00:00-05:00', '2026-06-08T11:10:00-05:00'),
      range('2026-06-08T13:50:00-05:00', '2026-06-08T14:25:00-05:00'),
      range('2026-06-08T14:20:00-05:00', '2026-06-08T14:40:00-05:00'),
      range('2026-06-08T16:00:00-05:00', '2026-06-08T16:00:00-05:00'),
      range('2026-06-08T08:20:00-05:00', '2026-06-08T08:40:00-05:00'),
    ];
    const slots = cutSlots(day, { ...base, durationMinutes: 20, busy });

    // Every candidate is kept exactly when it overlaps none of the busy times.
    const kept = new Set(slots.map((slot) => slot.start));
    for (let start = day[0]!.start; start + 20 * 60_000 <= day[0]!.end; start += 20 * 60_000) {
      const end = start + 20 * 60_000;
      const free = busy.every((taken) => !(taken.start < end && taken.end > start));
      expect([local(start, CHICAGO), kept.has(start)]).toEqual([local(start, CHICAGO), free]);
    }
    expect(starts(slots)).toContain('Mon 2026-06-08 08:40');
    expect(starts(slots)).not.toContain('Mon 2026-06-08 11:20');
    expect(starts(slots)).not.toContain('Mon 2026-06-08 14:20');
    expect(starts(slots)).toContain('Mon 2026-06-08 14:40');
  });

  it('leaves out slots starting before now or outside the range', () => {
    const windows = [window('2026-06-08T09:00:00-05:00', '2026-06-08T11:00:00-05:00')];
    expect(
      starts(
        cutSlots(windows, { ...base, durationMinutes: 30, now: at('2026-06-08T09:10:00-05:00') }),
      ),
    ).toEqual(['Mon 2026-06-08 09:30', 'Mon 2026-06-08 10:00', 'Mon 2026-06-08 10:30']);
    expect(
      starts(
        cutSlots(windows, {
          ...base,
          durationMinutes: 30,
          range: range('2026-06-08T09:30:00-05:00', '2026-06-08T10:30:00-05:00'),
        }),
      ),
    ).toEqual(['Mon 2026-06-08 09:30', 'Mon 2026-06-08 10:00']);
  });

  it('gives local 09:00 first slots every day of the Chicago spring and autumn weeks', () => {
    const rules = everyDay('09:00', '12:00');
    for (const week of [
      range('2026-03-05T06:00:00Z', '2026-03-12T06:00:00Z'),
      range('2026-10-29T05:00:00Z', '2026-11-05T06:00:00Z'),
    ]) {
      const slots = cutSlots(openHours(rules, [], week), {
        ...base,
        range: week,
        durationMinutes: 30,
      });
      const byDay = new Map<string, string[]>();
      for (const slot of slots) {
        const [day, time] = [
          local(slot.start, CHICAGO).slice(0, 14),
          local(slot.start, CHICAGO).slice(-5),
        ];
        byDay.set(day, [...(byDay.get(day) ?? []), time]);
      }
      expect(byDay.size).toBe(7);
      for (const times of byDay.values()) {
        expect(times).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
      }
    }
  });

  it('gives local 09:00 first slots on both sides of the London changes', () => {
    const rules = everyDay('09:00', '10:00', { timeZone: LONDON });
    for (const week of [
      range('2026-03-26T00:00:00Z', '2026-04-01T00:00:00Z'),
      range('2026-10-22T00:00:00Z', '2026-10-28T00:00:00Z'),
    ]) {
      const slots = cutSlots(openHours(rules, [], week), {
        ...base,
        range: week,
        durationMinutes: 60,
      });
      expect(slots).toHaveLength(6);
      for (const slot of slots) expect(local(slot.start, LONDON)).toMatch(/ 09:00$/);
    }
  });

  it('works from open hours: time off and extra hours change the slots', () => {
    const monday = range('2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z');
    const windows = openHours(
      [rule(1, '09:00', '12:00')],
      [
        {
          kind: 'time-off',
          locationId: null,
          start: at('2026-06-08T09:00:00-05:00'),
          end: at('2026-06-08T10:20:00-05:00'),
        },
        {
          kind: 'extra-hours',
          locationId: LAKE,
          start: at('2026-06-08T14:00:00-05:00'),
          end: at('2026-06-08T15:00:00-05:00'),
        },
      ],
      monday,
    );
    const slots = cutSlots(windows, { ...base, range: monday, durationMinutes: 40 });
    expect(slots.map((s) => [s.locationId, local(s.start, CHICAGO).slice(-5)])).toEqual([
      [MAIN, '10:20'],
      [MAIN, '11:00'],
      [LAKE, '14:00'],
    ]);
  });
});
