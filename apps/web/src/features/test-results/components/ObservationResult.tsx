import { VisuallyHidden } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { resultTrendPath } from '../../../lib/navigation';
import type { Observation } from '../api';
import { compareWithRange } from '../utils/ranges';
import { valueSentences } from '../utils/sentence';
import { ComparisonFlag } from './ComparisonFlag';
import { CorrectedMark } from './CorrectedMark';
import { MedicalTerm } from '../../../components/MedicalTerm';
import { RangeBar } from './RangeBar';

/**
 * One value of a report: its name, the value against the usual range in words, the flag, a
 * small picture of the range, and, for numbers, a link to the same test over time.
 */
export function ObservationResult({ observation }: { observation: Observation }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const comparison = compareWithRange(observation);
  return (
    <li className="ui-card results-value">
      <h3 className="results-value__name">{observation.plainName ?? observation.display}</h3>
      <MedicalTerm plainName={observation.plainName} display={observation.display} />
      <p className="results-value__sentence">{valueSentences(t, observation, locale).join(' ')}</p>
      {comparison === 'high' || comparison === 'low' || comparison === 'outside' ? (
        <p>
          <ComparisonFlag comparison={comparison} />
        </p>
      ) : null}
      {observation.valueQuantity !== null ? (
        <RangeBar
          value={observation.valueQuantity}
          low={observation.referenceLow}
          high={observation.referenceHigh}
          comparison={comparison}
        />
      ) : null}
      {observation.corrected ? (
        <p>
          <CorrectedMark /> {t('testResults.details.valueCorrected')}
        </p>
      ) : null}
      {observation.status === 'preliminary' ? (
        <p>{t('testResults.details.valuePreliminary')}</p>
      ) : null}
      {observation.valueQuantity !== null ? (
        <p className="results-value__trend">
          <Link to={resultTrendPath(observation.code)}>
            {t('testResults.details.seeTrend')}
            <VisuallyHidden>
              {t('testResults.details.seeTrendOf', {
                test: observation.plainName ?? observation.display,
              })}
            </VisuallyHidden>
          </Link>
        </p>
      ) : null}
    </li>
  );
}
