/** UCUM units as people read them; the API stores and validates the UCUM code. */
const UNIT_WORDS: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  Cel: '°C',
  '[degF]': '°F',
  '[lb_av]': 'lb',
  '[in_i]': 'in',
  '/min': 'beats/min',
  '10*3/uL': '× 10³/µL',
};

export function unitWords(unit: string | null | undefined): string {
  if (!unit) return '';
  return UNIT_WORDS[unit] ?? unit;
}

/** "4–5.6", "≤ 200", "≥ 60", or the lab's own words. */
export function rangeWords(
  low: number | null | undefined,
  high: number | null | undefined,
  text?: string | null,
): string {
  if (low != null && high != null) return `${low}–${high}`;
  if (high != null) return `≤ ${high}`;
  if (low != null) return `≥ ${low}`;
  return text ?? '';
}

/** A datetime-local value ("2026-03-02T09:30") as an ISO instant, read in this device's zone. */
export function localInputToIso(value: string): string | undefined {
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Now as a datetime-local value in this device's zone. */
export function nowForInput(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
