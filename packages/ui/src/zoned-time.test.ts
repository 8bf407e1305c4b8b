import {
  addDays,
  isDate,
  isoWeekday,
  startOfWeek,
  startOfZonedDay,
  zoneAbbreviation,
  zonedDate,
  zonedTime,
  zonedToday,
  zonedToUtc,
} from './zoned-time';

describe('local date and time in a location’s zone to a UTC instant', () => {
  it('uses standard time before and daylight time after the spring change (New York)', () => {
    // Clocks went forward on Sunday 8 March 2026 at 2:00 AM.
    expect(zonedToUtc('2026-03-07', '09:30', 'America/New_York')).toBe('2026-03-07T14:30:00.000Z');
    expect(zonedToUtc('2026-03-08', '01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
    expect(zonedToUtc('2026-03-08', '03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    expect(zonedToUtc('2026-03-09', '09:30', 'America/New_York')).toBe('2026-03-09T13:30:00.000Z');
  });

  it('moves a time the clocks skipped forward past the change', () => {
    expect(zonedToUtc('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the first of a time that happens twice when the clocks go back', () => {
    // Sunday 1 November 2026: 1:30 AM EDT, then 1:30 AM EST an hour later.
    expect(zonedToUtc('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(zonedToUtc('2026-11-01', '02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
  });

  it('handles zones ahead of UTC and their own change dates (London, Kolkata)', () => {
    expect(zonedToUtc('2026-03-28', '09:00', 'Europe/London')).toBe('2026-03-28T09:00:00.000Z');
    expect(zonedToUtc('2026-03-30', '09:00', 'Europe/London')).toBe('2026-03-30T08:00:00.000Z');
    expect(zonedToUtc('2026-06-01', '00:15', 'Asia/Kolkata')).toBe('2026-05-31T18:45:00.000Z');
  });

  it('reads instants back as the zone’s date and time of day', () => {
    const instant = '2026-12-01T14:30:00.000Z';
    expect(zonedDate(instant, 'America/New_York')).toBe('2026-12-01');
    expect(zonedTime(instant, 'America/New_York')).toBe('09:30');
    expect(zonedDate('2026-12-02T03:00:00.000Z', 'America/Chicago')).toBe('2026-12-01');
    expect(zonedTime('2026-12-02T03:00:00.000Z', 'America/Chicago')).toBe('21:00');
  });

  it('finds local midnight, which is 23 or 25 hours from the next on change days', () => {
    expect(startOfZonedDay('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfZonedDay('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfZonedDay('2026-11-01', 'America/New_York')).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfZonedDay('2026-11-02', 'America/New_York')).toBe('2026-11-02T05:00:00.000Z');
  });

  it('finds the day an instant falls on in the zone, not in UTC', () => {
    // 02:30 UTC on 2 December is still the evening of 1 December in New York.
    expect(zonedDate('2026-12-02T02:30:00.000Z', 'America/New_York')).toBe('2026-12-01');
    expect(zonedDate('2026-12-02T02:30:00.000Z', 'Europe/London')).toBe('2026-12-02');
    expect(zonedToday('America/Chicago', Date.parse('2026-11-27T05:00:00.000Z'))).toBe(
      '2026-11-26',
    );
  });

  it('gives the instant a day starts, across daylight-saving changes', () => {
    expect(startOfZonedDay('2026-12-01', 'America/New_York')).toBe('2026-12-01T05:00:00.000Z');
    expect(startOfZonedDay('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00.000Z');
    // The clocks go back at 02:00 on 1 November 2026: midnight is still daylight time.
    expect(startOfZonedDay('2026-11-01', 'America/Chicago')).toBe('2026-11-01T05:00:00.000Z');
    expect(startOfZonedDay('2026-11-02', 'America/Chicago')).toBe('2026-11-02T06:00:00.000Z');
    expect(startOfZonedDay('2026-03-29', 'Europe/London')).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfZonedDay('2026-03-30', 'Europe/London')).toBe('2026-03-29T23:00:00.000Z');
    // São Paulo's clocks jumped from midnight to 01:00 on 4 November 2018.
    expect(startOfZonedDay('2018-11-04', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00.000Z');
  });

  it('names the zone in effect', () => {
    expect(zoneAbbreviation('2026-12-01T14:30:00.000Z', 'America/New_York', 'en-US')).toBe('EST');
    expect(zoneAbbreviation('2026-07-01T14:30:00.000Z', 'America/New_York', 'en-US')).toBe('EDT');
  });
});

describe('calendar dates', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('knows ISO weekdays and the Monday that starts a week', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(startOfWeek('2026-12-06')).toBe('2026-11-30');
    expect(startOfWeek('2026-12-01')).toBe('2026-11-30');
    expect(startOfWeek('2026-11-30')).toBe('2026-11-30');
  });

  it('refuses dates that do not exist', () => {
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2026-2-1')).toBe(false);
    expect(isDate('2026-12-01')).toBe(true);
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('1/12/2026')).toBe(false);
    expect(isDate('')).toBe(false);
  });
});
