import { useTranslation } from 'react-i18next';
import type { NumericTrend } from '../api';
import { formatMeasure, withUnit } from '../utils/ranges';
import { ComparisonFlag } from './ComparisonFlag';
import { pointComparison } from './TrendChart';

export interface TrendTableProps {
  trend: NumericTrend;
  locale: string;
  formatWhen: (iso: string) => string;
}

/** Every value of the chart as a table, newest first; on phones each row stacks. */
export function TrendTable({ trend, locale, formatWhen }: TrendTableProps) {
  const { t } = useTranslation();
  const rows = [...trend.points].reverse();
  return (
    <table className="trend-table">
      <caption>
        {t('testResults.trend.tableCaption', { test: trend.plainName ?? trend.display })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('testResults.trend.columnDate')}</th>
          <th scope="col">{t('testResults.trend.columnValue')}</th>
          <th scope="col">{t('testResults.trend.columnRange')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((point) => {
          const comparison = pointComparison(trend, point);
          return (
            <tr key={point.observationId}>
              <td data-label={t('testResults.trend.columnDate')}>
                <time dateTime={point.effectiveAt}>{formatWhen(point.effectiveAt)}</time>
              </td>
              <td data-label={t('testResults.trend.columnValue')}>
                {withUnit(formatMeasure(point.valueQuantity, locale), point.unit ?? trend.unit)}
              </td>
              <td data-label={t('testResults.trend.columnRange')}>
                {comparison === 'normal' ? (
                  t('testResults.trend.within')
                ) : comparison === 'unknown' ? (
                  t('testResults.trend.noRange')
                ) : (
                  <ComparisonFlag comparison={comparison} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
