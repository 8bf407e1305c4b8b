import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESULTS_PATH } from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';

const TITLE_ID = 'home-new-results';

/**
 * "You have 2 new test results", or that nothing is new. No test names here: Home is the
 * page most likely to be seen over a shoulder. The card is the same size in every state
 * (one line and the link), so nothing below it moves when the count arrives.
 */
export function NewResultsCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  // The health record's summary, read for its count: opening a result refreshes it.
  const newResults = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/health-summary',
    { params: { path: { patientId } } },
    { select: (summary) => summary.newResultsCount },
  );

  return (
    <section className="ui-card" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>{t('home.results.title')}</h2>
      {newResults.data !== undefined ? (
        <p>
          {newResults.data > 0
            ? t('home.results.body', { count: newResults.data })
            : t('home.results.none')}
        </p>
      ) : newResults.isError ? (
        <p>{t('home.results.failed')}</p>
      ) : (
        <LoadingState label={t('home.results.loading')}>
          <p>
            <Skeleton className="app-skeleton-text" width="14rem" />
          </p>
        </LoadingState>
      )}
      <p>
        <Link to={RESULTS_PATH}>{t('home.results.link')}</Link>
      </p>
    </section>
  );
}
