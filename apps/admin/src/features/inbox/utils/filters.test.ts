import { inboxSearch, readInboxFilters } from './filters';

const POOL = '0190b5d2-7c4e-7000-8000-0000000000aa';

describe('inbox filters in the address', () => {
  it('reads what it knows and ignores the rest', () => {
    expect(
      readInboxFilters(
        new URLSearchParams(`view=waiting&pool=${POOL}&category=billing&waiting=48`),
      ),
    ).toEqual({ view: 'waiting', poolId: POOL, category: 'billing', waitingAtLeastHours: 48 });
    expect(
      readInboxFilters(new URLSearchParams('view=everything&pool=1;drop&category=x&waiting=5')),
    ).toEqual({
      view: 'unassigned',
      poolId: undefined,
      category: undefined,
      waitingAtLeastHours: undefined,
    });
  });

  it('writes the default view and empty filters as nothing', () => {
    expect(inboxSearch({ view: 'unassigned' })).toBe('');
    expect(inboxSearch({ view: 'closed', category: 'other' })).toBe('?view=closed&category=other');
  });
});
