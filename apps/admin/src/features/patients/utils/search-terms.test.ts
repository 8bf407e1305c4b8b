import { parseDateOfBirth, parseSearch } from './search-terms';

describe('parseDateOfBirth', () => {
  it('reads ISO dates in any locale', () => {
    expect(parseDateOfBirth('1968-04-12', 'en-US')).toBe('1968-04-12');
    expect(parseDateOfBirth('1968-04-12', 'en-GB')).toBe('1968-04-12');
  });

  it("reads numeric dates in the locale's order", () => {
    expect(parseDateOfBirth('04/12/1968', 'en-US')).toBe('1968-04-12');
    expect(parseDateOfBirth('4/12/1968', 'en-US')).toBe('1968-04-12');
    expect(parseDateOfBirth('12/04/1968', 'en-GB')).toBe('1968-04-12');
    expect(parseDateOfBirth('12.04.1968', 'de-DE')).toBe('1968-04-12');
  });

  it('refuses days that do not exist and two-digit years', () => {
    expect(parseDateOfBirth('1990-02-30', 'en-US')).toBeUndefined();
    expect(parseDateOfBirth('02/30/1990', 'en-US')).toBeUndefined();
    expect(parseDateOfBirth('04/12/68', 'en-US')).toBeUndefined();
    expect(parseDateOfBirth('M00100001', 'en-US')).toBeUndefined();
  });
});

describe('parseSearch', () => {
  it('sends names and MRNs as the query', () => {
    expect(parseSearch('  alex riv ', 'en-US')).toEqual({ query: 'alex riv' });
    expect(parseSearch('M00100001', 'en-US')).toEqual({ query: 'M00100001' });
  });

  it('sends a date as the date of birth, with any name beside it', () => {
    expect(parseSearch('04/12/1968', 'en-US')).toEqual({ dateOfBirth: '1968-04-12' });
    expect(parseSearch('rivera 1968-04-12', 'en-US')).toEqual({
      query: 'rivera',
      dateOfBirth: '1968-04-12',
    });
  });

  it('has nothing to search for in blank text', () => {
    expect(parseSearch('   ', 'en-US')).toBeNull();
  });
});
