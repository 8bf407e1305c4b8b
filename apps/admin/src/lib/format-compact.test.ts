import {
  ageInYears,
  endOfLocalDay,
  formatCalendarDate,
  formatNumericDate,
  formatRelative,
  formatShortDateTime,
  formatUtc,
  isCalendarDate,
  numericDateOrder,
  startOfLocalDay,
} from './format-compact';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

describe('compact formats', () => {
  it('formats instants in the given zone, and UTC exactly', () => {
    expect(formatShortDateTime('2026-03-02T15:04:05.000Z', 'America/Chicago', 'en-US')).toBe(
      'Mar 2, 2026, 9:04 AM',
    );
    expect(formatUtc('2026-03-02T15:04:05.678Z')).toBe('2026-03-02 15:04:05 UTC');
  });

  it('never moves a date of birth to the day before', () => {
    expect(formatCalendarDate('1968-04-12', 'en-US')).toBe('Apr 12, 1968');
    expect(formatCalendarDate('1968-04-12', 'en-GB')).toBe('12 Apr 1968');
    expect(() => formatCalendarDate('12/04/1968', 'en-US')).toThrow(RangeError);
  });

  it('says how long ago or how soon, in the largest unit', () => {
    expect(formatRelative('2026-03-07T12:00:00.000Z', NOW, 'en')).toBe('3 days ago');
    expect(formatRelative('2026-02-28T12:00:00.000Z', NOW, 'en')).toBe('10 days ago');
    expect(formatRelative('2026-03-10T09:00:00.000Z', NOW, 'en')).toBe('3 hours ago');
    expect(formatRelative('2026-03-16T12:00:00.000Z', NOW, 'en')).toBe('in 6 days');
    expect(formatRelative('2026-03-10T11:59:30.000Z', NOW, 'en')).toBe('now');
  });

  it("knows each locale's numeric date order", () => {
    expect(numericDateOrder('en-US')).toEqual(['month', 'day', 'year']);
    expect(numericDateOrder('en-GB')).toEqual(['day', 'month', 'year']);
    expect(formatNumericDate('1968-04-12', 'en-US')).toBe('04/12/1968');
  });

  it('turns local days into instants, the end exclusive', () => {
    expect(startOfLocalDay('2026-03-01')).toBe(new Date(2026, 2, 1).toISOString());
    expect(endOfLocalDay('2026-03-31')).toBe(new Date(2026, 3, 1).toISOString());
  });

  it('checks calendar dates and ages', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(ageInYears('1968-04-12', '2026-04-11')).toBe(57);
    expect(ageInYears('1968-04-12', '2026-04-12')).toBe(58);
  });
});
