import {
  addDays,
  calendarDate,
  groupByDay,
  hoursBetween,
  isCalendarDate,
  startOfDay,
  today,
} from './time';

describe('calendar dates in a location time zone', () => {
  it('finds the day an instant falls on in the zone, not in UTC', () => {
    // 02:30 UTC on 2 December is still the evening of 1 December in New York.
    expect(calendarDate('2026-12-02T02:30:00.000Z', 'America/New_York')).toBe('2026-12-01');
    expect(calendarDate('2026-12-02T02:30:00.000Z', 'Europe/London')).toBe('2026-12-02');
    expect(today('America/Chicago', Date.parse('2026-11-27T05:00:00.000Z'))).toBe('2026-11-26');
  });

  it('gives the instant a day starts, across daylight-saving changes', () => {
    expect(startOfDay('2026-12-01', 'America/New_York')).toBe('2026-12-01T05:00:00.000Z');
    expect(startOfDay('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00.000Z');
    // The clocks go back at 02:00 on 1 November 2026: midnight is still daylight time.
    expect(startOfDay('2026-11-01', 'America/Chicago')).toBe('2026-11-01T05:00:00.000Z');
    expect(startOfDay('2026-11-02', 'America/Chicago')).toBe('2026-11-02T06:00:00.000Z');
    expect(startOfDay('2026-03-29', 'Europe/London')).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/London')).toBe('2026-03-29T23:00:00.000Z');
    // São Paulo's clocks jumped from midnight to 01:00 on 4 November 2018.
    expect(startOfDay('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00.000Z');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2026-12-01')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('1/12/2026')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });

  it('counts the hours before a visit that changes online stop', () => {
    expect(hoursBetween('2026-11-30T15:30:00.000Z', '2026-12-01T15:30:00.000Z')).toBe(24);
    expect(hoursBetween('2026-11-28T15:30:00.000Z', '2026-12-01T15:30:00.000Z')).toBe(72);
  });

  it('groups times by their local day, earliest first', () => {
    const times = [
      { at: '2026-12-02T14:00:00.000Z', zone: 'America/New_York' },
      { at: '2026-12-02T02:30:00.000Z', zone: 'America/New_York' },
      { at: '2026-12-01T15:00:00.000Z', zone: 'America/New_York' },
    ];
    const groups = groupByDay(
      times,
      (time) => time.at,
      (time) => time.zone,
    );
    expect(groups.map((group) => [group.date, group.items.map((item) => item.at)])).toEqual([
      ['2026-12-01', ['2026-12-01T15:00:00.000Z', '2026-12-02T02:30:00.000Z']],
      ['2026-12-02', ['2026-12-02T14:00:00.000Z']],
    ]);
  });
});
