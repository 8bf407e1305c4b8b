import '../test-results.css';
import { Alert } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { useShowMore } from '../../../lib/show-more';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { $api, cursorPages } from '../../../lib/api-queries';
import { RESULTS_PAGE_SIZE } from '../api';
import { QueryPending } from '../../../components/QueryState';
import { PatientOnly } from '../../../components/PatientOnly';
import { ResultCard, resultHeadingId } from '../components/ResultCard';
import { ResultFiltersForm } from '../components/ResultFiltersForm';
import {
  hasFilters,
  readResultFilters,
  resultFiltersSearch,
  type ResultFilters,
} from '../utils/filters';
import { ShowMore } from '../../../components/ShowMore';

const LIST_SKELETONS = [{ height: '8rem' }, { height: '8rem' }, { height: '8rem' }];

/**
 * /results — released reports newest first, "New" until opened, anything outside the usual
 * range said in words. The filters sit in the address (?category=&from=&to=), so Back and
 * reload keep them.
 */
export function ResultsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readResultFilters(params);
  const filterKey = resultFiltersSearch(filters);
  return (
    <PatientOnly title={t('testResults.title')}>
      {(patientId) => (
        <Page title={t('testResults.title')}>
          <p>{t('testResults.intro')}</p>
          <ResultFiltersForm
            key={`filters${filterKey}`}
            filters={filters}
            onApply={(next) =>
              // Synchronously: a transition started inside a submit handler makes React
              // read the form's data, which some environments cannot.
              setParams(new URLSearchParams(resultFiltersSearch(next)), { flushSync: true })
            }
          />
          <ResultList key={`list${filterKey}`} patientId={patientId} filters={filters} />
        </Page>
      )}
    </PatientOnly>
  );
}

function ResultList({ patientId, filters }: { patientId: string; filters: ResultFilters }) {
  const { t } = useTranslation();
  const list = $api.useInfiniteQuery(
    'get',
    '/api/v1/patients/{patientId}/results',
    {
      params: {
        path: { patientId },
        query: {
          limit: RESULTS_PAGE_SIZE,
          ...(filters.category ? { category: filters.category } : {}),
          ...(filters.from ? { from: filters.from } : {}),
          ...(filters.to ? { to: filters.to } : {}),
        },
      },
    },
    cursorPages,
  );
  const showMore = useShowMore(list, resultHeadingId);

  if (!list.data) {
    return <QueryPending query={list} copy="testResults.list" skeletons={LIST_SKELETONS} />;
  }

  const results = list.data.pages.flatMap((page) => page.items);
  if (results.length === 0) {
    return hasFilters(filters) ? (
      <Alert tone="info" announce={false}>
        <p>
          {t('testResults.list.emptyFiltered')}{' '}
          <Link to={{ search: '' }}>{t('testResults.filters.clear')}</Link>
        </p>
      </Alert>
    ) : (
      <Alert tone="info" announce={false}>
        <p>{t('testResults.list.empty')}</p>
      </Alert>
    );
  }

  return (
    <>
      <ol className="ui-stack" aria-label={t('testResults.list.label')}>
        {results.map((result, index) => (
          <ResultCard key={result.id} result={result} index={index} />
        ))}
      </ol>
      <ShowMore list={list} copy="testResults.list" onShowMore={showMore} />
    </>
  );
}
