/** How one value compares with its usual (reference) range. */
export type Comparison = 'high' | 'low' | 'outside' | 'normal' | 'unknown';

export interface Comparable {
  interpretation?: string | null;
  abnormal?: boolean;
  valueQuantity?: number | null;
  referenceLow?: number | null;
  referenceHigh?: number | null;
}

/**
 * The lab's own flag first (H/HH higher, L/LL lower, A/AA outside, N within); without one,
 * the value against the range; without a range, only whether it was called abnormal.
 */
export function compareWithRange(value: Comparable): Comparison {
  switch (value.interpretation) {
    case 'H':
    case 'HH':
      return 'high';
    case 'L':
    case 'LL':
      return 'low';
    case 'A':
    case 'AA':
      return 'outside';
    case 'N':
      return 'normal';
    default:
      break;
  }
  const quantity = value.valueQuantity ?? null;
  const low = value.referenceLow ?? null;
  const high = value.referenceHigh ?? null;
  if (quantity !== null && (low !== null || high !== null)) {
    if (high !== null && quantity > high) return 'high';
    if (low !== null && quantity < low) return 'low';
    return 'normal';
  }
  return value.abnormal ? 'outside' : 'unknown';
}

/** Decimal places as written ("4.0" arrives as 4, so ranges take the most of their ends). */
export function decimals(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 0;
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

export function formatMeasure(value: number, locale: string, digits = decimals(value)): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, 3),
  }).format(value);
}

/** UCUM units as people write them; the rest are shown as they are. */
const UNIT_WORDS: Record<string, string> = {
  '10*3/uL': '× 10³/µL',
  '10*6/uL': '× 10⁶/µL',
  'mm[Hg]': 'mmHg',
  '/min': 'beats per minute',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  Cel: '°C',
  '[degF]': '°F',
  'kg/m2': 'kg/m²',
  'ug/dL': 'µg/dL',
  uL: 'µL',
};

export function unitText(unit: string | null | undefined): string {
  if (!unit) return '';
  return UNIT_WORDS[unit] ?? unit;
}

/** "7.2 %", "110 mg/dL", "72" */
export function withUnit(text: string, unit: string | null | undefined): string {
  const written = unitText(unit);
  return written ? `${text} ${written}` : text;
}
