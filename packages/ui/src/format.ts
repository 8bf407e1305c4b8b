/**
 * Locale-aware formatting for dates, times, numbers and money, built on Intl.
 * Times arrive from the API in UTC and are shown in the time zone the caller names (the clinic
 * location's, for appointments). Money arrives as integer minor units plus an ISO 4217 code.
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

function parseInstant(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Not an ISO 8601 date-time: ${JSON.stringify(iso)}`);
  }
  return date;
}

/** "Thursday, December 3, 2026 at 9:30 AM CST": written out, with the zone, as ui.md asks. */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(parseInstant(iso));
}

/** "Thursday, December 3, 2026": the calendar day in the given time zone. */
export function formatDate(iso: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone,
  }).format(parseInstant(iso));
}

/** "9:30 AM CST" */
export function formatTime(iso: string, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(parseInstant(iso));
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, {}).format(value);
}

/**
 * Formats integer minor units (cents, yen, fils) as money. The number of minor digits comes
 * from Intl for the currency, and the amount is passed to Intl as an exact decimal string so
 * large amounts never pick up floating-point errors.
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Money must be a whole number of minor units, got ${minor}`);
  }
  const format = numberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const magnitude = Math.abs(minor)
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits === 0 ? magnitude : magnitude.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${magnitude.slice(-digits)}`;
  const decimal = `${minor < 0 ? '-' : ''}${whole}${fraction}` as `${number}`;
  return format.format(decimal);
}

/**
 * The locale to format with: the browser's own regional variant when it matches the language
 * the interface is shown in (en-GB readers get day-month order), otherwise the interface
 * language itself.
 */
export function formattingLocale(uiLanguage: string, browserLanguages: readonly string[]): string {
  const base = uiLanguage.toLowerCase().split('-')[0];
  const match = browserLanguages.find(
    (candidate) => candidate.toLowerCase().split('-')[0] === base,
  );
  return match ?? uiLanguage;
}

/** The device's time zone, for times that belong to the user rather than to a clinic. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
