import { useTranslation } from 'react-i18next';
import { RESULTS_PATH } from '../../../lib/navigation';
import { $api } from '../../../lib/api-queries';
import { CountCard } from './CountCard';

/** "You have 2 new test results", or that nothing is new; no test names. */
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
    <CountCard
      id="home-new-results"
      to={RESULTS_PATH}
      count={newResults.data}
      isError={newResults.isError}
      text={{
        title: t('home.results.title'),
        some: (count) => t('home.results.body', { count }),
        none: t('home.results.none'),
        failed: t('home.results.failed'),
        loading: t('home.results.loading'),
        link: t('home.results.link'),
      }}
    />
  );
}
