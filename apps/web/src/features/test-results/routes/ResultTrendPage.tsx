import '../test-results.css';
import { Alert, deviceTimeZone, formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { useFormatLocale } from '../../../lib/i18n';
import { RESULTS_PATH } from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';
import { numericTrend, TREND_LIMIT } from '../api';
import { QueryState } from '../../../components/QueryState';
import { MedicalTerm } from '../../../components/MedicalTerm';
import { patientPage } from '../../../components/PatientOnly';
import { TrendChart } from '../components/TrendChart';
import { TrendTable } from '../components/TrendTable';

const TREND_SKELETONS = [{ height: '16rem' }, { height: '8rem' }];

/**
 * /results/trends/:code — one test over time: a chart with the usual range, and the same
 * values as a table. The tab title stays generic.
 */
export const ResultTrendPage = patientPage('testResults.trend.title', ResultTrend);

function ResultTrend({ patientId }: { patientId: string }) {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const trend = $api.useQuery('get', '/api/v1/patients/{patientId}/observations/trend', {
    params: { path: { patientId }, query: { code, limit: TREND_LIMIT } },
  });
  const zone = deviceTimeZone();
  const monthYear = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: zone,
  });
  const formatDay = (iso: string) => monthYear.format(new Date(iso));
  const formatWhen = (iso: string) => formatDateTime(iso, zone, locale);
  const data = trend.data ? numericTrend(trend.data) : undefined;

  return (
    <Page
      title={t('testResults.trend.title')}
      heading={
        data
          ? t('testResults.trend.heading', { test: data.plainName ?? data.display })
          : t('testResults.trend.title')
      }
    >
      <QueryState query={trend} copy="testResults.trend" skeletons={TREND_SKELETONS}>
        {() =>
          data &&
          (data.points.length === 0 ? (
            <Alert tone="info" announce={false}>
              <p>
                {t('testResults.trend.empty')}{' '}
                <Link to={RESULTS_PATH}>{t('testResults.backToList')}</Link>
              </p>
            </Alert>
          ) : (
            <>
              <MedicalTerm plainName={data.plainName} display={data.display} />
              <p>{t('testResults.trend.intro')}</p>
              <TrendChart trend={data} locale={locale} formatDay={formatDay} />
              <TrendTable trend={data} locale={locale} formatWhen={formatWhen} />
            </>
          ))
        }
      </QueryState>
      <p>
        <Link to={RESULTS_PATH}>{t('testResults.backToList')}</Link>
      </p>
    </Page>
  );
}
