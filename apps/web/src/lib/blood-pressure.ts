/**
 * Blood pressure is one reading written top number first ("128/82 mmHg"), though the record
 * keeps it as two values: systolic (LOINC 8480-6, the top number) and diastolic (8462-4, the
 * bottom one), sometimes grouped under a blood pressure panel (85354-9). The health record's
 * vital signs and the test results both show it, so the pairing is written once, here.
 */

export const SYSTOLIC_CODE = '8480-6';
export const DIASTOLIC_CODE = '8462-4';
export const BLOOD_PRESSURE_PANEL_CODE = '85354-9';

/** What pairing needs of a value: its test, when it was taken, and the report it came in. */
export interface TimedValue {
  code: string;
  effectiveAt: string;
  reportId?: string | null;
}

export type Reading<T> =
  { kind: 'single'; value: T } | { kind: 'blood-pressure'; systolic: T; diastolic: T };

export function isBloodPressureCode(code: string): boolean {
  return code === SYSTOLIC_CODE || code === DIASTOLIC_CODE;
}

/** Taken together: at the same moment, or in the same report (a panel is one report). */
function takenTogether(a: TimedValue, b: TimedValue): boolean {
  if (a.reportId && a.reportId === b.reportId) return true;
  return Date.parse(a.effectiveAt) === Date.parse(b.effectiveAt);
}

/**
 * The values as readings, in their order: a systolic and a diastolic value taken together
 * become one blood pressure reading, where the first of the two stood. A number without its
 * partner stays on its own.
 */
export function pairBloodPressure<T extends TimedValue>(values: readonly T[]): Reading<T>[] {
  const used = new Set<T>();
  const readings: Reading<T>[] = [];
  for (const value of values) {
    if (used.has(value)) continue;
    used.add(value);
    if (isBloodPressureCode(value.code)) {
      const partnerCode = value.code === SYSTOLIC_CODE ? DIASTOLIC_CODE : SYSTOLIC_CODE;
      const partner = values.find(
        (other) => !used.has(other) && other.code === partnerCode && takenTogether(value, other),
      );
      if (partner) {
        used.add(partner);
        const [systolic, diastolic] =
          value.code === SYSTOLIC_CODE ? [value, partner] : [partner, value];
        readings.push({ kind: 'blood-pressure', systolic, diastolic });
        continue;
      }
    }
    readings.push({ kind: 'single', value });
  }
  return readings;
}

/** "128/82": the two numbers as one, top first, in the reader's number format. */
export function bloodPressureNumbers(systolic: number, diastolic: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return `${format.format(systolic)}/${format.format(diastolic)}`;
}
