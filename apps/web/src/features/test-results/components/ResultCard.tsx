import { deviceTimeZone, formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { resultPath } from '../../../lib/navigation';
import type { ResultSummary } from '../api';
import { ComparisonFlag } from './ComparisonFlag';
import { CorrectedMark } from './CorrectedMark';

export function resultHeadingId(index: number): string {
  return `result-card-${index}`;
}

export interface ResultCardProps {
  result: ResultSummary;
  index: number;
}

/**
 * One report in the list: its name as a link, "New" until opened, when it was collected (in
 * the device's time zone: the patient was there), and whether anything is outside the usual
 * range, in words.
 */
export function ResultCard({ result, index }: ResultCardProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <li
      className={result.isNew ? 'ui-card results-card results-card--new' : 'ui-card results-card'}
    >
      <h2 id={resultHeadingId(index)} tabIndex={-1} className="results-card__title">
        <Link to={resultPath(result.id)}>{result.title}</Link>
        {result.isNew ? (
          <>
            {' '}
            <span className="ui-badge results-new">{t('testResults.new')}</span>
          </>
        ) : null}
      </h2>
      <p className="results-card__when">
        {t(`testResults.when.${result.category === 'laboratory' ? 'collected' : 'done'}`)}{' '}
        <time dateTime={result.effectiveAt}>
          {formatDateTime(result.effectiveAt, deviceTimeZone(), locale)}
        </time>
      </p>
      {result.abnormal || result.corrected || result.status === 'preliminary' ? (
        <p className="results-card__marks">
          {result.abnormal ? <ComparisonFlag comparison="outside" /> : null}
          {result.corrected ? <CorrectedMark /> : null}
          {result.status === 'preliminary' ? (
            <span className="results-mark">{t('testResults.preliminary')}</span>
          ) : null}
        </p>
      ) : null}
      <dl className="ui-details">
        <dt>{t('testResults.fields.category')}</dt>
        <dd>{t(`testResults.category.${result.category}`)}</dd>
        {result.orderingProvider ? (
          <>
            <dt>{t('testResults.fields.orderedBy')}</dt>
            <dd>{result.orderingProvider.displayName}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
