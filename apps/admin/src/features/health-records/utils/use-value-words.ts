import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../lib/format-compact';
import { useFormatLocale } from '../../../lib/i18n';
import { flagKey, valueKey } from './labels';
import { unitWords } from './words';

const STATUS_FIELDS = new Set(['clinicalStatus', 'status', 'category', 'severity', 'route']);
const CODE_FIELDS = new Set(['code', 'cvxCode', 'rxnormCode']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Any stored field value in words: statuses translated, dates written out, codes with names. */
export function useValueWords() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (name: string, value: unknown, record: Record<string, unknown> = {}): string => {
    if (value == null || value === '') return '';
    if (STATUS_FIELDS.has(name)) return t(valueKey(String(value)), { defaultValue: String(value) });
    if (name === 'interpretation') {
      return t(flagKey(String(value)), { defaultValue: String(value) });
    }
    if (name === 'unit') return unitWords(String(value));
    if (CODE_FIELDS.has(name) && typeof record['display'] === 'string') {
      return `${String(value)} ${record['display']}`;
    }
    if (Array.isArray(value)) {
      return value
        .map(
          (item: { code?: string; display?: string; description?: string }) =>
            item.description ?? [item.code, item.display].filter(Boolean).join(' '),
        )
        .join('; ');
    }
    if (typeof value === 'string' && DATE.test(value)) return formatCalendarDate(value, locale);
    return String(value);
  };
}
