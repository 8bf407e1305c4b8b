import { VisuallyHidden } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { bloodPressureNumbers } from '../../../lib/blood-pressure';
import { useFormatLocale } from '../../../lib/i18n';
import { resultTrendPath } from '../../../lib/navigation';
import type { Observation } from '../api';
import { compareWithRange, formatMeasure, unitText } from '../utils/ranges';
import { rangeWords } from '../utils/sentence';
import { ComparisonFlag } from './ComparisonFlag';

/**
 * Blood pressure as one reading, top number first ("128/82 mmHg"), then each number against
 * its usual range in words. The trend link opens the top number over time.
 */
export function BloodPressureResult({
  systolic,
  diastolic,
}: {
  systolic: Observation;
  diastolic: Observation;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const name = t('testResults.bloodPressure.title');
  const numeric = systolic.valueQuantity !== null && diastolic.valueQuantity !== null;
  const value = numeric
    ? `${bloodPressureNumbers(systolic.valueQuantity ?? 0, diastolic.valueQuantity ?? 0, locale)} ${unitText(systolic.unit)}`.trim()
    : `${systolic.valueText ?? ''}/${diastolic.valueText ?? ''}`;
  const parts = [
    { key: 'top', observation: systolic },
    { key: 'bottom', observation: diastolic },
  ] as const;
  return (
    <li className="ui-card results-value results-value--bp">
      <h3 className="results-value__name">{name}</h3>
      <p className="results-value__sentence">{t('testResults.bloodPressure.result', { value })}</p>
      <ul className="results-bp">
        {parts.map(({ key, observation }) => {
          const comparison = compareWithRange(observation);
          const range = rangeWords(t, observation, locale);
          return (
            <li key={key}>
              {t(`testResults.bloodPressure.${key}`, {
                value:
                  observation.valueQuantity === null
                    ? (observation.valueText ?? '')
                    : formatMeasure(observation.valueQuantity, locale),
              })}
              {range ? ` ${t('testResults.value.usualRange', { range })}` : null}
              {comparison === 'normal' ? ` ${t('testResults.value.verdict.normal')}` : null}{' '}
              <ComparisonFlag comparison={comparison} />
            </li>
          );
        })}
      </ul>
      {numeric ? (
        <p className="results-value__trend">
          <Link to={resultTrendPath(systolic.code)}>
            {t('testResults.details.seeTrend')}
            <VisuallyHidden>{t('testResults.details.seeTrendOf', { test: name })}</VisuallyHidden>
          </Link>
        </p>
      ) : null}
    </li>
  );
}
