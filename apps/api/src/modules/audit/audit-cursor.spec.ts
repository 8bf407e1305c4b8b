import { describe, expect, it } from '@jest/globals';
import { decodeCursor, encodeCursor } from './audit-cursor.js';

describe('audit cursor', () => {
  const cursor = {
    occurredAt: '2026-03-01T10:15:30.123456Z',
    id: '0195f0a2-7c1e-7d3a-9b2c-1234567890ab',
  };

  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses anything it did not hand out', () => {
    expect(decodeCursor('')).toBeNull();
    expect(decodeCursor('not a cursor!')).toBeNull();
    expect(decodeCursor(Buffer.from('2026-03-01|x').toString('base64url'))).toBeNull();
    expect(
      decodeCursor(Buffer.from(`${cursor.occurredAt}|${cursor.id}|x`).toString('base64url')),
    ).toBeNull();
    expect(
      decodeCursor(Buffer.from(`2026-13-45T99:99:99.000000Z|${cursor.id}`).toString('base64url')),
    ).toBeNull();
    expect(
      decodeCursor(Buffer.from(`2026-02-30T10:00:00.000000Z|${cursor.id}`).toString('base64url')),
    ).toBeNull();
    expect(
      decodeCursor(Buffer.from(`0000-01-01T00:00:00.000000Z|${cursor.id}`).toString('base64url')),
    ).toBeNull();
    expect(decodeCursor('A'.repeat(5000))).toBeNull();
  });
});
