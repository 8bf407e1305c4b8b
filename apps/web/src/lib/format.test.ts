import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatTime,
  formattingLocale,
} from '@portal/ui';

// ICU puts narrow and ordinary no-break spaces in some formats; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDateTime', () => {
  it('writes the time out in the clinic time zone with the zone name', () => {
    expect(plain(formatDateTime('2026-12-03T15:30:00Z', 'America/Chicago', 'en-US'))).toBe(
      'Thursday, December 3, 2026 at 9:30 AM CST',
    );
  });

  it('moves to the next day when the zone is ahead of UTC', () => {
    const text = plain(formatDateTime('2026-12-03T23:30:00Z', 'Asia/Tokyo', 'en-US'));
    expect(text).toContain('Friday, December 4, 2026');
    expect(text).toContain('8:30 AM');
  });

  it('follows the locale for order and words', () => {
    expect(plain(formatDateTime('2026-12-03T15:30:00Z', 'Europe/Berlin', 'de-DE'))).toBe(
      'Donnerstag, 3. Dezember 2026 um 16:30 MEZ',
    );
  });

  it('follows daylight saving time', () => {
    expect(plain(formatDateTime('2026-07-01T15:30:00Z', 'America/Chicago', 'en-US'))).toContain(
      '10:30 AM CDT',
    );
  });

  it('refuses a value that is not a date-time', () => {
    expect(() => formatDateTime('next Tuesday', 'America/Chicago', 'en-US')).toThrow(RangeError);
  });
});

describe('formatDate and formatTime', () => {
  it('gives the calendar day in the clinic time zone', () => {
    expect(formatDate('2026-12-04T02:00:00Z', 'America/Chicago', 'en-US')).toBe(
      'Thursday, December 3, 2026',
    );
  });

  it('gives the time with the zone', () => {
    expect(plain(formatTime('2026-12-03T15:30:00Z', 'America/Chicago', 'en-US'))).toBe(
      '9:30 AM CST',
    );
  });
});

describe('formatMoney', () => {
  it('turns cents into dollars', () => {
    expect(formatMoney(12345, 'USD', 'en-US')).toBe('$123.45');
  });

  it('keeps leading zeros in the minor part', () => {
    expect(formatMoney(5, 'USD', 'en-US')).toBe('$0.05');
  });

  it('shows a negative amount (a credit) with a minus sign', () => {
    expect(formatMoney(-500, 'USD', 'en-US')).toBe('-$5.00');
  });

  it('knows currencies without minor units', () => {
    expect(formatMoney(500, 'JPY', 'en-US')).toBe('¥500');
  });

  it('knows currencies with three minor digits', () => {
    expect(plain(formatMoney(1234, 'KWD', 'en-US'))).toBe('KWD 1.234');
  });

  it('follows the locale for separators and symbol position', () => {
    expect(plain(formatMoney(123456, 'EUR', 'de-DE'))).toBe('1.234,56 €');
  });

  it('stays exact for large amounts', () => {
    expect(formatMoney(900719925474099, 'USD', 'en-US')).toBe('$9,007,199,254,740.99');
  });

  it('refuses fractions of a minor unit', () => {
    expect(() => formatMoney(10.5, 'USD', 'en-US')).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it('groups digits for the locale', () => {
    expect(formatNumber(1234567.5, 'en-US')).toBe('1,234,567.5');
    expect(plain(formatNumber(1234567.5, 'fr-FR'))).toBe('1 234 567,5');
  });
});

describe('formattingLocale', () => {
  it('uses the browser region when it speaks the interface language', () => {
    expect(formattingLocale('en', ['en-GB', 'fr-FR'])).toBe('en-GB');
  });

  it('falls back to the interface language otherwise', () => {
    expect(formattingLocale('en', ['es-MX'])).toBe('en');
  });
});
