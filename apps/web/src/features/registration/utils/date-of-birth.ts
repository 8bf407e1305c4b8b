export type DatePart = 'day' | 'month' | 'year';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** What is wrong with a typed date of birth; `parts` are the fields to mark. */
export type DateOfBirthProblem =
  | 'required'
  | 'missingDay'
  | 'missingMonth'
  | 'missingYear'
  | 'notNumbers'
  | 'yearDigits'
  | 'notReal'
  | 'future'
  | 'tooOld';

export type DateOfBirthResult =
  { ok: true; iso: string } | { ok: false; problem: DateOfBirthProblem; parts: DatePart[] };

const ALL: DatePart[] = ['day', 'month', 'year'];
const MISSING: Record<DatePart, DateOfBirthProblem> = {
  day: 'missingDay',
  month: 'missingMonth',
  year: 'missingYear',
};

/**
 * The order people write dates in for this locale (month first in the US, day first in most
 * other places), so the three boxes follow habit. Day, month, year when Intl cannot say.
 */
export function datePartOrder(locale: string): DatePart[] {
  try {
    const order = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    })
      .formatToParts(new Date(Date.UTC(1968, 2, 27)))
      .map((part) => part.type)
      .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
    return order.length === 3 ? order : ALL;
  } catch {
    return ALL;
  }
}

/** "3 27 1968" or "27 3 1968": an example in the order of the boxes. */
export function exampleDate(order: readonly DatePart[]): string {
  const example: DateParts = { day: '27', month: '3', year: '1968' };
  return order.map((part) => example[part]).join(' ');
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

/** Today's calendar date on this device, YYYY-MM-DD. */
function localToday(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/**
 * Checks the three boxes and gives the date as the API wants it (YYYY-MM-DD). Only what a
 * person can get wrong while typing is checked here; whether it matches is the server's call.
 */
export function parseDateOfBirth(value: DateParts, now: Date = new Date()): DateOfBirthResult {
  const trimmed: DateParts = {
    day: value.day.trim(),
    month: value.month.trim(),
    year: value.year.trim(),
  };
  const missing = ALL.filter((part) => trimmed[part] === '');
  if (missing.length === 3) {
    return { ok: false, problem: 'required', parts: ALL };
  }
  const [firstMissing] = missing;
  if (firstMissing) {
    return { ok: false, problem: MISSING[firstMissing], parts: missing };
  }
  const notNumbers = ALL.filter((part) => !/^\d+$/.test(trimmed[part]));
  if (notNumbers.length > 0) {
    return { ok: false, problem: 'notNumbers', parts: notNumbers };
  }
  if (trimmed.year.length !== 4) {
    return { ok: false, problem: 'yearDigits', parts: ['year'] };
  }
  const day = Number(trimmed.day);
  const month = Number(trimmed.month);
  const year = Number(trimmed.year);
  if (month < 1 || month > 12) {
    return { ok: false, problem: 'notReal', parts: ['month'] };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return { ok: false, problem: 'notReal', parts: ['day'] };
  }
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (year < 1900) {
    return { ok: false, problem: 'tooOld', parts: ['year'] };
  }
  if (iso > localToday(now)) {
    return { ok: false, problem: 'future', parts: ALL };
  }
  return { ok: true, iso };
}
