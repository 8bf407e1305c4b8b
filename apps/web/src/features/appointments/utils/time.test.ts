import { groupByDay, hoursBetween } from './time';

describe('appointment times', () => {
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
