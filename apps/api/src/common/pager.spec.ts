import { describe, expect, it } from '@jest/globals';
import { decodeCursor, decodeCursorOf, encodeCursor, pageOf, readCursor } from './pager.js';

const ID = '0195f0a2-7c1e-7d3a-9b2c-1234567890ab';
const AT = '2026-03-01T10:15:30.123456Z';
const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const raw = (text: string) => Buffer.from(text).toString('base64url');

/** The 400 a bad cursor answers: a validation problem naming `cursor`. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    const { status, errors } = error as { status: number; errors: { field: string }[] };
    return { status, fields: errors.map((e) => e.field) };
  }
  return 'accepted';
}
const REFUSED = { status: 400, fields: ['cursor'] };

describe('the one pager', () => {
  it('round-trips a position of each kind of sort value', () => {
    expect(decodeCursor(encodeCursor([AT, ID]), 'instant')).toEqual([AT, ID]);
    expect(decodeCursor(encodeCursor(['2026-02-28', ID]), 'date')).toEqual(['2026-02-28', ID]);
    expect(decodeCursor(encodeCursor(['o’brien | x', ID]), 'text')).toEqual(['o’brien | x', ID]);
    expect(decodeCursor(encodeCursor([null, ID]), 'none')).toEqual([null, ID]);
    expect(decodeCursor(encodeCursor([null, ID]), 'date', true)).toEqual([null, ID]);
    expect(decodeCursorOf(encodeCursor(['rivera', 'alex', ID]), ['text', 'text'])).toEqual([
      'rivera',
      'alex',
      ID,
    ]);
  });

  it('hands out cursors that are URL-safe text', () => {
    expect(encodeCursor([AT, ID])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses forged cursors', () => {
    for (const text of [
      '',
      'not a cursor!',
      raw(`${AT}|${ID}`),
      forged({ at: AT, id: ID }),
      forged([AT]),
      forged([AT, ID, 'extra']),
      forged([42, ID]),
      forged([null, ID]),
    ]) {
      expect({ text, answer: refusal(() => decodeCursor(text, 'instant')) }).toEqual({
        text,
        answer: REFUSED,
      });
    }
    // A sort value where the list has none, and the wrong number of values.
    expect(refusal(() => decodeCursor(forged(['x', ID]), 'none'))).toEqual(REFUSED);
    expect(refusal(() => decodeCursorOf(forged(['rivera', ID]), ['text', 'text']))).toEqual(
      REFUSED,
    );
  });

  it('refuses a truncated cursor', () => {
    const whole = encodeCursor([AT, ID]);
    for (const cut of [1, 5, whole.length / 2, whole.length - 1]) {
      const text = whole.slice(0, Math.floor(cut));
      expect(refusal(() => decodeCursor(text, 'instant'))).toEqual(REFUSED);
    }
  });

  it('refuses impossible dates and instants', () => {
    for (const at of [
      '2026-02-30T00:00:00.000000Z',
      '2026-13-01T00:00:00.000000Z',
      '2026-03-01T25:00:00.000000Z',
      '0001-01-01T00:00:00.000000Z',
      '2026-03-01T10:15:30.123Z',
      '2026-03-01',
    ]) {
      expect({ at, answer: refusal(() => decodeCursor(forged([at, ID]), 'instant')) }).toEqual({
        at,
        answer: REFUSED,
      });
    }
    for (const day of ['2026-02-30', '2026-2-1', '2026-03-01T00:00:00Z']) {
      expect(refusal(() => decodeCursor(forged([day, ID]), 'date'))).toEqual(REFUSED);
    }
  });

  it('refuses a wrong id', () => {
    for (const id of ['nope', '', ID.slice(0, 35), `${ID}0`, 7]) {
      expect(refusal(() => decodeCursor(forged([AT, id]), 'instant'))).toEqual(REFUSED);
    }
  });

  it('refuses a cursor that is too long, however well-formed', () => {
    expect(refusal(() => decodeCursor(encodeCursor(['x'.repeat(201), ID]), 'text'))).toEqual(
      REFUSED,
    );
    expect(readCursor('A'.repeat(1201), ['text'])).toBeNull();
    expect(readCursor(encodeCursor(['x'.repeat(200), ID]), ['text'])).not.toBeNull();
  });

  it('pages rows fetched with one more than the limit', () => {
    const rows = [1, 2, 3].map((n) => ({ n, id: ID }));
    const key = (row: { n: number; id: string }) => [String(row.n), row.id];
    expect(pageOf(rows, 2, key)).toEqual({
      items: rows.slice(0, 2),
      nextCursor: encodeCursor(['2', ID]),
    });
    expect(pageOf(rows, 3, key)).toEqual({ items: rows, nextCursor: null });
    expect(pageOf([], 3, key)).toEqual({ items: [], nextCursor: null });
  });
});
