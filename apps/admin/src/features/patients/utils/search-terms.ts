import { isCalendarDate, numericDateOrder } from '../../../lib/format-compact';
import type { PatientSearch } from '../api/patients';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMERIC_DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;

/**
 * Reads one word as a date of birth: "1968-04-12", or the locale's numeric order with a
 * four-digit year ("04/12/1968" in en-US, "12/04/1968" in en-GB). Undefined if it is not one.
 */
export function parseDateOfBirth(word: string, locale: string): string | undefined {
  if (ISO_DATE.test(word)) {
    return isCalendarDate(word) ? word : undefined;
  }
  const match = NUMERIC_DATE.exec(word);
  if (!match) {
    return undefined;
  }
  const parts: Record<string, string | undefined> = {};
  numericDateOrder(locale).forEach((type, index) => {
    parts[type] = match[index + 1];
  });
  const { year, month, day } = parts;
  if (!year || year.length !== 4 || !month || !day) {
    return undefined;
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/**
 * Splits the one search box into what the API takes: a word that reads as a date becomes the
 * date of birth, the rest is a name prefix or an MRN. "rivera 1968-04-12" finds the Riveras
 * born that day. Null when there is nothing to search for.
 */
export function parseSearch(text: string, locale: string): PatientSearch | null {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return null;
  }
  let dateOfBirth: string | undefined;
  const rest: string[] = [];
  for (const word of words) {
    const date = dateOfBirth ? undefined : parseDateOfBirth(word, locale);
    if (date) {
      dateOfBirth = date;
    } else {
      rest.push(word);
    }
  }
  const query = rest.join(' ');
  return {
    ...(query ? { query } : {}),
    ...(dateOfBirth ? { dateOfBirth } : {}),
  };
}
