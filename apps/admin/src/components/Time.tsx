import { deviceTimeZone } from '@portal/ui';
import { formatRelative, formatShortDateTime, formatUtc } from '../lib/format-compact';
import { useFormatLocale } from '../lib/i18n';

export interface TimeProps {
  /** ISO 8601 instant from the API (UTC). */
  value: string;
  /** 'datetime' (default): "Mar 2, 2026, 3:04 PM"; 'relative': "3 days ago". */
  display?: 'datetime' | 'relative';
  /** For relative times; defaults to now. */
  now?: number;
}

/**
 * A time from the API in the device's time zone, with the exact UTC time in its title (and
 * the full local time there too, for relative display).
 */
export function Time({ value, display = 'datetime', now }: TimeProps) {
  const locale = useFormatLocale();
  const local = formatShortDateTime(value, deviceTimeZone(), locale);
  const utc = formatUtc(value);
  return (
    <time dateTime={value} title={display === 'relative' ? `${local} (${utc})` : utc}>
      {display === 'relative' ? formatRelative(value, now ?? Date.now(), locale) : local}
    </time>
  );
}
