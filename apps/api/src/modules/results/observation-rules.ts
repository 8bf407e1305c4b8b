import type { FieldError } from '../../common/problem.js';

export const INTERPRETATIONS = ['N', 'L', 'H', 'LL', 'HH', 'A', 'AA'] as const;
export type Interpretation = (typeof INTERPRETATIONS)[number];
export const RESULT_STATUSES = ['preliminary', 'final', 'corrected', 'entered-in-error'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];
/** Statuses a new result may carry: corrections and retractions come through a PATCH. */
export const NEW_RESULT_STATUSES = ['preliminary', 'final'] as const;
export const REPORT_CATEGORIES = ['laboratory', 'imaging', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const OBSERVATION_CATEGORIES = ['laboratory', 'vital-signs'] as const;
export type ObservationCategory = (typeof OBSERVATION_CATEGORIES)[number];

/** What the results module needs to know about one LOINC code. */
export interface LoincEntry {
  code: string;
  display: string;
  version: string;
  category: 'laboratory' | 'vital-signs';
  /** A panel groups other tests and carries no value of its own. */
  panel: boolean;
  /** The default UCUM unit; null for codes measured without one (or reported as text). */
  unit: string | null;
  referenceLow: number | null;
  referenceHigh: number | null;
}

export interface LoincCatalog {
  find(code: string): LoincEntry | null;
  unitAllowed(code: string, unit: string): boolean;
  units(code: string): string[];
}

/** An observation as it arrives, from a request body, a CSV line or a FHIR resource. */
export interface RawObservation {
  code?: unknown;
  valueQuantity?: unknown;
  valueText?: unknown;
  unit?: unknown;
  referenceLow?: unknown;
  referenceHigh?: unknown;
  referenceText?: unknown;
  interpretation?: unknown;
  status?: unknown;
}

/** A checked observation, ready to store. */
export interface ObservationDraft {
  code: string;
  display: string;
  codeSystemVersion: string;
  valueQuantity: number | null;
  valueText: string | null;
  unit: string | null;
  referenceLow: number | null;
  referenceHigh: number | null;
  referenceText: string | null;
  interpretation: Interpretation | null;
  status: ResultStatus;
  /** When it differs from its report's (FHIR imports may say so per observation). */
  effectiveAt?: Date;
}

const MAX_TEXT = 2000;
const MAX_NUMBER = 1e12;

/**
 * Low or high against the reference range; without a numeric value or any bound there is
 * nothing to say. Critical (LL / HH) is never guessed from the range: critical limits are
 * particular to each test (an HbA1c of 8 % is high, not an emergency), so only the sender of a
 * result can say a value is critical.
 */
export function interpret(
  value: number | null,
  low: number | null,
  high: number | null,
): Interpretation | null {
  if (value === null || (low === null && high === null)) return null;
  if (low !== null && value < low) return 'L';
  if (high !== null && value > high) return 'H';
  return 'N';
}

/** Abnormal: any interpretation other than normal (or none). */
export function isAbnormal(interpretation: Interpretation | null): boolean {
  return interpretation !== null && interpretation !== 'N';
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_NUMBER;
}

function optionalText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? null : text;
}

/**
 * Checks one observation against the LOINC list and the rules for values, units, ranges and
 * statuses. Problems are appended to `errors` under the names `field()` gives (so a request
 * says observations[2].unit, a CSV file line 7, a FHIR bundle entry[3].resource.…); the
 * draft is returned when the observation is good. A range left out is taken from the list
 * when the unit is the list's own, and a left-out interpretation is worked out from it.
 */
export function checkObservation(
  raw: RawObservation,
  field: (name: keyof RawObservation) => string,
  catalog: LoincCatalog,
  errors: FieldError[],
  allowedStatuses: readonly ResultStatus[] = NEW_RESULT_STATUSES,
): ObservationDraft | null {
  const before = errors.length;
  const fail = (name: keyof RawObservation, message: string) =>
    errors.push({ field: field(name), message });

  const code = typeof raw.code === 'string' ? raw.code.trim() : '';
  const entry = code ? catalog.find(code) : null;
  if (!code) fail('code', 'Enter the LOINC code of the test, like 2345-7.');
  else if (!entry) fail('code', `Unknown LOINC code ${code.slice(0, 20)}.`);
  else if (entry.panel) fail('code', `${entry.code} names a panel; record each of its tests.`);

  const hasQuantity = raw.valueQuantity !== undefined && raw.valueQuantity !== null;
  const valueText = optionalText(raw.valueText);
  let valueQuantity: number | null = null;
  if (hasQuantity) {
    if (!isNumber(raw.valueQuantity)) fail('valueQuantity', 'Enter the value as a number.');
    else valueQuantity = raw.valueQuantity;
  }
  if (valueText === undefined || (valueText && valueText.length > MAX_TEXT)) {
    fail('valueText', `Enter the result as text of at most ${MAX_TEXT} characters.`);
  }
  if (hasQuantity && valueText) {
    fail('valueText', 'Give either a number or a text result, not both.');
  } else if (!hasQuantity && !valueText && valueText !== undefined) {
    fail('valueQuantity', 'Enter the result: a number with its unit, or a text result.');
  }

  const unitText = optionalText(raw.unit);
  let unit: string | null = null;
  if (unitText === undefined) fail('unit', 'Enter the unit as text, like mg/dL.');
  else if (unitText !== null) {
    if (entry && !catalog.unitAllowed(entry.code, unitText)) {
      const allowed = catalog.units(entry.code);
      fail(
        'unit',
        allowed.length
          ? `${unitText.slice(0, 20)} is not a unit for ${entry.display}; use ${allowed.join(' or ')}.`
          : `${entry.display} is recorded without a unit.`,
      );
    } else unit = unitText;
  } else if (hasQuantity && entry?.unit) {
    fail('unit', `Enter the unit of ${entry.display}, like ${entry.unit}.`);
  }
  if (!hasQuantity && unitText) fail('unit', 'A unit goes with a number only.');

  const bound = (name: 'referenceLow' | 'referenceHigh'): number | null => {
    const value = raw[name];
    if (value === undefined || value === null) return null;
    if (!isNumber(value)) {
      fail(
        name,
        `Enter the ${name === 'referenceLow' ? 'low' : 'high'} end of the range as a number.`,
      );
      return null;
    }
    return value;
  };
  let referenceLow = bound('referenceLow');
  let referenceHigh = bound('referenceHigh');
  if (referenceLow !== null && referenceHigh !== null && referenceLow > referenceHigh) {
    fail('referenceHigh', 'The high end of the range must not be below the low end.');
  }
  const rangeGiven =
    (raw.referenceLow !== undefined && raw.referenceLow !== null) ||
    (raw.referenceHigh !== undefined && raw.referenceHigh !== null);
  // The list's range is in its default unit: it applies only when the value is in that unit.
  if (!rangeGiven && entry && hasQuantity && unit !== null && unit === entry.unit) {
    referenceLow = entry.referenceLow;
    referenceHigh = entry.referenceHigh;
  }

  const referenceText = optionalText(raw.referenceText);
  if (referenceText === undefined || (referenceText && referenceText.length > 200)) {
    fail('referenceText', 'Describe the reference range in at most 200 characters.');
  }

  let interpretation: Interpretation | null = null;
  if (raw.interpretation !== undefined && raw.interpretation !== null) {
    if (!(INTERPRETATIONS as readonly unknown[]).includes(raw.interpretation)) {
      fail('interpretation', `Choose an interpretation: ${INTERPRETATIONS.join(', ')}.`);
    } else interpretation = raw.interpretation as Interpretation;
  } else {
    interpretation = interpret(valueQuantity, referenceLow, referenceHigh);
  }

  const status = raw.status === undefined ? 'final' : raw.status;
  if (!(allowedStatuses as readonly unknown[]).includes(status)) {
    fail('status', `Choose a status: ${allowedStatuses.join(', ')}.`);
  }

  if (errors.length > before || !entry) return null;
  return {
    code: entry.code,
    display: entry.display,
    codeSystemVersion: entry.version,
    valueQuantity,
    valueText: valueText ?? null,
    unit,
    referenceLow,
    referenceHigh,
    referenceText: referenceText ?? null,
    interpretation,
    status: status as ResultStatus,
  };
}
