import { describe, expect, it } from '@jest/globals';
import { escapeText, foldLine, formatUtc, writeCalendar } from './calendar.js';

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('iCalendar writer', () => {
  it('writes UTC date-times without separators or milliseconds', () => {
    expect(formatUtc(new Date('2026-12-01T15:30:00.000Z'))).toBe('20261201T153000Z');
  });

  it('escapes commas, semicolons, backslashes and line breaks', () => {
    expect(escapeText('1 Main St, Suite 2; back\\door\nline two\r\nthree')).toBe(
      '1 Main St\\, Suite 2\\; back\\\\door\\nline two\\nthree',
    );
  });

  it('folds long lines at 75 octets, never inside a character', () => {
    const line = `DESCRIPTION:${'é'.repeat(60)}${'x'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [index, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(unfold(folded)).toBe(line);
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });

  it('writes one event with CRLF line ends', () => {
    const text = writeCalendar({
      uid: 'abc@portal',
      stamp: new Date('2026-11-01T00:00:00Z'),
      startsAt: new Date('2026-12-01T15:30:00Z'),
      endsAt: new Date('2026-12-01T16:00:00Z'),
      summary: 'Appointment at North Clinic',
      location: '1 Main St, Springfield',
      description: 'See it in the portal: https://portal.test/appointments/abc',
      url: 'https://portal.test/appointments/abc',
      cancelled: true,
      sequence: 2,
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'UID:abc@portal',
        'DTSTART:20261201T153000Z',
        'DTEND:20261201T160000Z',
        'STATUS:CANCELLED',
        'SEQUENCE:2',
        'LOCATION:1 Main St\\, Springfield',
        'END:VCALENDAR',
      ]),
    );
  });
});
