import { accessLogEntryFactory } from '../../../testing/factories';
import { groupVisits } from './group-visits';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 15, minute)).toISOString();

describe('groupVisits', () => {
  it('makes one entry of one person’s sitting, led by the change they made', () => {
    const shah = { staffName: 'Dr. Priya Shah', staffRoles: ['provider' as const] };
    const rows = [
      accessLogEntryFactory({ ...shah, occurredAt: at(20), action: 'result.read' }),
      accessLogEntryFactory({
        ...shah,
        occurredAt: at(19),
        action: 'result.create',
        description: 'Recorded a test result for you',
      }),
      accessLogEntryFactory({ ...shah, occurredAt: at(12), action: 'condition.list' }),
      accessLogEntryFactory({ ...shah, occurredAt: at(10), action: 'patient.read' }),
    ];
    const visits = groupVisits(rows);
    expect(visits).toHaveLength(1);
    expect(visits[0]!.entries).toHaveLength(4);
    expect(visits[0]!.lead.description).toBe('Recorded a test result for you');
    expect([visits[0]!.from, visits[0]!.to]).toEqual([at(10), at(20)]);
  });

  it('starts a new entry for another person, or after a pause', () => {
    const rows = [
      accessLogEntryFactory({ staffName: 'A', occurredAt: at(50) }),
      accessLogEntryFactory({ staffName: 'B', occurredAt: at(49) }),
      accessLogEntryFactory({ staffName: 'B', occurredAt: at(30) }),
      accessLogEntryFactory({ staffName: 'A', occurredAt: at(29) }),
    ];
    expect(groupVisits(rows).map((visit) => [visit.lead.staffName, visit.firstIndex])).toEqual([
      ['A', 0],
      ['B', 1],
      ['B', 2],
      ['A', 3],
    ]);
  });

  it('lets a download lead a sitting of reads, and the first read lead one of reads only', () => {
    const reads = [
      accessLogEntryFactory({ occurredAt: at(5), action: 'condition.list' }),
      accessLogEntryFactory({ occurredAt: at(4), action: 'health-record.pdf' }),
      accessLogEntryFactory({ occurredAt: at(3), action: 'allergy.list' }),
    ];
    expect(groupVisits(reads)[0]!.lead.action).toBe('health-record.pdf');
    expect(groupVisits([reads[0]!, reads[2]!])[0]!.lead.action).toBe('condition.list');
  });
});
