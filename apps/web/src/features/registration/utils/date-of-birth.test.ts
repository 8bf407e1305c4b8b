import { datePartOrder, exampleDate, parseDateOfBirth } from './date-of-birth';

const NOW = new Date(2026, 2, 2, 12, 0);

describe('datePartOrder', () => {
  it('puts the month first in the US and the day first in the UK and Germany', () => {
    expect(datePartOrder('en-US')).toEqual(['month', 'day', 'year']);
    expect(datePartOrder('en-GB')).toEqual(['day', 'month', 'year']);
    expect(datePartOrder('de-DE')).toEqual(['day', 'month', 'year']);
  });

  it('puts the year first where people write it first', () => {
    expect(datePartOrder('ja-JP')).toEqual(['year', 'month', 'day']);
  });

  it('falls back to day, month, year for a locale Intl refuses', () => {
    expect(datePartOrder('not a locale!')).toEqual(['day', 'month', 'year']);
  });

  it('writes the example in the same order', () => {
    expect(exampleDate(['month', 'day', 'year'])).toBe('3 27 1968');
    expect(exampleDate(['day', 'month', 'year'])).toBe('27 3 1968');
  });
});

describe('parseDateOfBirth', () => {
  it('gives YYYY-MM-DD with leading zeros', () => {
    expect(parseDateOfBirth({ day: '7', month: '4', year: '1968' }, NOW)).toEqual({
      ok: true,
      iso: '1968-04-07',
    });
  });

  it('ignores spaces around the numbers', () => {
    expect(parseDateOfBirth({ day: ' 07 ', month: '04', year: '1968 ' }, NOW)).toEqual({
      ok: true,
      iso: '1968-04-07',
    });
  });

  it('asks for the whole date when nothing is typed', () => {
    expect(parseDateOfBirth({ day: '', month: ' ', year: '' }, NOW)).toMatchObject({
      ok: false,
      problem: 'required',
    });
  });

  it('names the first missing part and marks every missing box', () => {
    expect(parseDateOfBirth({ day: '7', month: '', year: '' }, NOW)).toEqual({
      ok: false,
      problem: 'missingMonth',
      parts: ['month', 'year'],
    });
  });

  it('refuses letters and two-digit years', () => {
    expect(parseDateOfBirth({ day: '7', month: 'April', year: '1968' }, NOW)).toMatchObject({
      problem: 'notNumbers',
      parts: ['month'],
    });
    expect(parseDateOfBirth({ day: '7', month: '4', year: '68' }, NOW)).toMatchObject({
      problem: 'yearDigits',
      parts: ['year'],
    });
  });

  it('knows month lengths and leap years', () => {
    expect(parseDateOfBirth({ day: '29', month: '2', year: '2000' }, NOW)).toMatchObject({
      ok: true,
    });
    expect(parseDateOfBirth({ day: '29', month: '2', year: '1900' }, NOW)).toMatchObject({
      problem: 'notReal',
      parts: ['day'],
    });
    expect(parseDateOfBirth({ day: '31', month: '4', year: '1968' }, NOW)).toMatchObject({
      problem: 'notReal',
    });
    expect(parseDateOfBirth({ day: '1', month: '13', year: '1968' }, NOW)).toMatchObject({
      problem: 'notReal',
      parts: ['month'],
    });
  });

  it('refuses dates in the future and before 1900, but accepts today', () => {
    expect(parseDateOfBirth({ day: '3', month: '3', year: '2026' }, NOW)).toMatchObject({
      problem: 'future',
    });
    expect(parseDateOfBirth({ day: '2', month: '3', year: '2026' }, NOW)).toEqual({
      ok: true,
      iso: '2026-03-02',
    });
    expect(parseDateOfBirth({ day: '31', month: '12', year: '1899' }, NOW)).toMatchObject({
      problem: 'tooOld',
    });
  });
});
