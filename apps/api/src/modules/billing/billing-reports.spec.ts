import { describe, expect, it } from '@jest/globals';
import { agingCsv, csvText } from './billing-reports.js';
import { formatDecimal, parseDecimalAmount } from './billing.rules.js';

describe('billing CSV', () => {
  it('keeps text a spreadsheet would run as a formula inert', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('Rivera, Alexandra')).toBe('Rivera, Alexandra');
    expect(csvText(null)).toBe('');
  });

  it('writes amounts as decimals and quotes what needs quoting', () => {
    const zero = { current: 0, days30: 0, days60: 0, days90: 0, days120: 0, balance: 0 };
    const csv = agingCsv({
      asOf: '2026-06-30',
      currency: 'USD',
      totals: { ...zero, current: 12345, balance: 12345 },
      accounts: [
        {
          patientId: 'p',
          mrn: 'M1',
          patientName: '-Lee, Jo',
          ...zero,
          current: 12345,
          balance: 12345,
        },
      ],
    });
    expect(csv.split('\n')).toEqual([
      'mrn,patient,current,days_30,days_60,days_90,days_120_plus,balance',
      'M1,"\'-Lee, Jo",123.45,0.00,0.00,0.00,0.00,123.45',
      ',Total,123.45,0.00,0.00,0.00,0.00,123.45',
      '',
    ]);
  });

  it('reads and writes decimal amounts as text, never through a float', () => {
    expect(parseDecimalAmount('80')).toBe(8000);
    expect(parseDecimalAmount('80.5')).toBe(8050);
    expect(parseDecimalAmount('0.07')).toBe(7);
    expect(parseDecimalAmount('1.005')).toBeNull();
    expect(parseDecimalAmount('-5')).toBeNull();
    expect(parseDecimalAmount('1e3')).toBeNull();
    expect(formatDecimal(-507)).toBe('-5.07');
    expect(formatDecimal(100000000)).toBe('1000000.00');
  });
});
