import { describe, expect, it } from '@jest/globals';
import { findOverlaps, parseWeeklyRules, type CompleteRule } from './weekly-rules.js';

const LOCATION = '01900000-0000-7000-8000-000000000001';
const OTHER = '01900000-0000-7000-8000-000000000002';

const rule = (overrides: Partial<CompleteRule> = {}): CompleteRule => ({
  locationId: LOCATION,
  weekday: 1,
  startTime: '09:00',
  endTime: '12:00',
  validFrom: '2026-01-01',
  validUntil: null,
  ...overrides,
});

describe('weekly rule checks', () => {
  it('accepts well-formed rules and leaves a missing first day to be filled in', () => {
    const { rules, errors } = parseWeeklyRules([
      { locationId: LOCATION.toUpperCase(), weekday: 7, startTime: '00:00', endTime: '23:55' },
      { ...rule(), validUntil: '2026-01-01' },
    ]);
    expect(errors).toEqual([]);
    expect(rules[0]).toEqual({
      locationId: LOCATION,
      weekday: 7,
      startTime: '00:00',
      endTime: '23:55',
      validUntil: null,
    });
    expect(rules[1]!.validFrom).toBe('2026-01-01');
  });

  it('names each problem by its place in the list', () => {
    const { rules, errors } = parseWeeklyRules([
      rule(),
      { ...rule(), locationId: 'x', weekday: 0, startTime: '9:00', endTime: '12:03' },
      { ...rule(), validFrom: '2026-02-30', validUntil: 'soon' },
    ]);
    expect(rules).toHaveLength(1);
    expect(errors.map((e) => e.field)).toEqual([
      'rules[1].locationId',
      'rules[1].weekday',
      'rules[1].startTime',
      'rules[1].endTime',
      'rules[2].validFrom',
      'rules[2].validUntil',
    ]);
    expect(errors[3]!.message).toBe('Choose the end time on a 5-minute step, like 17:00 or 17:05.');
  });

  it('finds rules overlapping on a weekday at any location, over overlapping dates', () => {
    expect(findOverlaps([rule(), rule({ startTime: '12:00', endTime: '13:00' })])).toEqual([]);
    expect(findOverlaps([rule(), rule({ weekday: 2 })])).toEqual([]);
    expect(
      findOverlaps([
        rule({ validUntil: '2026-06-30' }),
        rule({ validFrom: '2026-07-01', startTime: '10:00' }),
      ]),
    ).toEqual([]);
    expect(
      findOverlaps([
        rule({ validUntil: '2026-07-01' }),
        rule({ validFrom: '2026-07-01', locationId: OTHER, startTime: '11:55', endTime: '14:00' }),
      ]).map((e) => e.field),
    ).toEqual(['rules[1].startTime']);
    expect(
      findOverlaps([
        rule(),
        rule({ startTime: '13:00', endTime: '17:00' }),
        rule({ startTime: '08:00' }),
      ]),
    ).toEqual([
      {
        field: 'rules[2].startTime',
        message:
          'These hours overlap other hours on Monday (09:00–12:00). A provider can be in only one place at a time.',
      },
    ]);
  });
});
