export { formatCalendarDate } from '../../../lib/calendar-date';

/** UCUM units of vital signs as people write them; the rest are shown as they are. */
const UNIT_WORDS: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  '/min': 'beats per minute',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  Cel: '°C',
  '[degF]': '°F',
  'kg/m2': 'kg/m²',
};

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

/** A number already written for the reader ("72", "128/82"), with its unit in words. */
export function measureText(number: string, unit: string | null): string {
  const written = unit ? (UNIT_WORDS[unit] ?? unit) : '';
  return written ? `${number} ${written}` : number;
}
