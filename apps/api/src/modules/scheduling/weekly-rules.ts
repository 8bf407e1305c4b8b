import { isUUID } from 'class-validator';
import type { FieldError } from '../../common/problem.js';
import { isCalendarDate } from '../../common/field-rules.js';
import { minutesOfDay } from './slots.js';

/** One weekly opening as sent in a replacement, once its shape is checked. */
export interface WeeklyRuleDraft {
  locationId: string;
  weekday: number;
  /** HH:MM on a 5-minute step. */
  startTime: string;
  endTime: string;
  /** Left out: today at the location, filled in once the location is known. */
  validFrom?: string;
  validUntil: string | null;
}

export type CompleteRule = WeeklyRuleDraft & { validFrom: string };

const FIELDS = new Set([
  'locationId',
  'weekday',
  'startTime',
  'endTime',
  'validFrom',
  'validUntil',
]);
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function timeProblem(value: unknown, label: string, example: string): string | null {
  if (typeof value !== 'string' || !TIME.test(value)) {
    return `Enter the ${label} as HH:MM on the 24-hour clock, like ${example}.`;
  }
  return minutesOfDay(value) % 5 === 0
    ? null
    : `Choose the ${label} on a 5-minute step, like ${example} or ${example.slice(0, 4)}5.`;
}

/**
 * Checks each rule of a replacement and names every problem by its place in the list
 * (rules[2].endTime), so a form can show it beside the field.
 */
export function parseWeeklyRules(raw: unknown[]): {
  rules: WeeklyRuleDraft[];
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const rules: WeeklyRuleDraft[] = [];
  raw.forEach((item, index) => {
    const at = (field: string) => `rules[${index}].${field}`;
    const fail = (field: string, message: string) => errors.push({ field: at(field), message });
    const rule = item as Record<string, unknown>;
    const before = errors.length;
    for (const key of Object.keys(rule)) {
      if (!FIELDS.has(key)) fail(key, `Remove ${key}: weekly hours do not have it.`);
    }
    if (typeof rule.locationId !== 'string' || !isUUID(rule.locationId)) {
      fail('locationId', 'Choose a location from the list.');
    }
    if (
      !Number.isInteger(rule.weekday) ||
      (rule.weekday as number) < 1 ||
      (rule.weekday as number) > 7
    ) {
      fail('weekday', 'Choose the weekday as a number from 1 (Monday) to 7 (Sunday).');
    }
    const startProblem = timeProblem(rule.startTime, 'start time', '09:00');
    const endProblem = timeProblem(rule.endTime, 'end time', '17:00');
    if (startProblem) fail('startTime', startProblem);
    if (endProblem) fail('endTime', endProblem);
    if (
      !startProblem &&
      !endProblem &&
      minutesOfDay(rule.endTime as string) <= minutesOfDay(rule.startTime as string)
    ) {
      fail('endTime', 'The end time must be after the start time.');
    }
    if (rule.validFrom !== undefined && !isCalendarDate(rule.validFrom)) {
      fail('validFrom', 'Enter the first day as YYYY-MM-DD, or leave it out to start today.');
    }
    if (rule.validUntil !== undefined && rule.validUntil !== null) {
      if (!isCalendarDate(rule.validUntil)) {
        fail('validUntil', 'Enter the last day as YYYY-MM-DD, or leave it out.');
      } else if (isCalendarDate(rule.validFrom) && rule.validUntil < rule.validFrom) {
        fail('validUntil', 'The last day must be on or after the first day.');
      }
    }
    if (errors.length > before) return;
    rules.push({
      locationId: (rule.locationId as string).toLowerCase(),
      weekday: rule.weekday as number,
      startTime: rule.startTime as string,
      endTime: rule.endTime as string,
      ...(rule.validFrom !== undefined ? { validFrom: rule.validFrom as string } : {}),
      validUntil: (rule.validUntil as string | null | undefined) ?? null,
    });
  });
  return { rules, errors };
}

/**
 * Rules of one provider that overlap: same weekday, overlapping times and overlapping dates,
 * whatever the location (the database's exclusion constraint says the same). Each overlap
 * is reported on the later rule's start time.
 */
export function findOverlaps(rules: CompleteRule[]): FieldError[] {
  const errors: FieldError[] = [];
  rules.forEach((rule, j) => {
    for (let i = 0; i < j; i++) {
      const other = rules[i]!;
      if (other.weekday !== rule.weekday) continue;
      const timesOverlap =
        minutesOfDay(rule.startTime) < minutesOfDay(other.endTime) &&
        minutesOfDay(other.startTime) < minutesOfDay(rule.endTime);
      const datesOverlap =
        (other.validUntil === null || rule.validFrom <= other.validUntil) &&
        (rule.validUntil === null || other.validFrom <= rule.validUntil);
      if (!timesOverlap || !datesOverlap) continue;
      errors.push({
        field: `rules[${j}].startTime`,
        message:
          `These hours overlap other hours on ${WEEKDAYS[rule.weekday - 1]} ` +
          `(${other.startTime}–${other.endTime}). A provider can be in only one place at a time.`,
      });
      break;
    }
  });
  return errors;
}
