import { useTranslation } from 'react-i18next';
import type { Comparison } from '../utils/ranges';

type Flagged = Extract<Comparison, 'high' | 'low' | 'outside'>;

const SYMBOLS: Record<Flagged, string> = { high: '▲', low: '▼', outside: '!' };

function isFlagged(comparison: Comparison): comparison is Flagged {
  return comparison in SYMBOLS;
}

/**
 * "▲ Higher than the usual range": the words carry the meaning; the symbol and colour only
 * repeat it. Nothing is shown for values within the range or without one.
 */
export function ComparisonFlag({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  if (!isFlagged(comparison)) {
    return null;
  }
  return (
    <span className={`results-flag results-flag--${comparison}`}>
      <span className="results-flag__symbol" aria-hidden="true">
        {SYMBOLS[comparison]}
      </span>{' '}
      {t(`testResults.flag.${comparison}`)}
    </span>
  );
}
