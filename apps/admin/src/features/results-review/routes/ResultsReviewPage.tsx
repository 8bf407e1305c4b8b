import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { StatusBadge } from '../../../components/StatusBadge';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { useCanUse } from '../../../lib/access';
import { RESULTS_IMPORT_PATH, RESULTS_POLICY_PATH, patientResultsPath } from '../../../lib/paths';
import { useInfiniteQuery } from '@tanstack/react-query';
import { reviewQueueQueryOptions } from '../api/results-review';
import { waitingFor } from '../../../lib/waiting';

/**
 * Providers' queue of held results, oldest first, with how many wait and for how long, so
 * nothing waits unseen. Review opens the report in the patient's chart, where it is released.
 */
export function ResultsReviewPage() {
  const { t } = useTranslation();
  const queue = useInfiniteQuery(reviewQueueQueryOptions());
  const canImport = useCanUse('resultsImport');
  const canSeePolicy = useCanUse('resultsPolicy');
  const first = queue.data?.pages[0];
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const now = Date.now();

  let heading = t('resultsReview.queue.heading');
  if (first) {
    heading =
      first.total === 0
        ? t('resultsReview.queue.empty')
        : first.oldestIssuedAt
          ? t('resultsReview.queue.count', {
              count: first.total,
              age: t(`resultsReview.age.${waitingFor(first.oldestIssuedAt, now).unit}`, {
                count: waitingFor(first.oldestIssuedAt, now).count,
              }),
            })
          : t('resultsReview.queue.countOnly', { count: first.total });
  }

  return (
    <Page title={t('resultsReview.title')}>
      <div className="admin-page-actions">
        {canImport ? <Link to={RESULTS_IMPORT_PATH}>{t('resultsReview.import.link')}</Link> : null}
        {canSeePolicy ? (
          <Link to={RESULTS_POLICY_PATH}>{t('resultsReview.policy.link')}</Link>
        ) : null}
      </div>
      <section aria-labelledby="queue-heading">
        <h2 id="queue-heading">{heading}</h2>
        {queue.isPending ? (
          <LoadingState label={t('resultsReview.queue.loading')}>
            <Skeleton height="2.5rem" />
            <Skeleton height="2.5rem" />
          </LoadingState>
        ) : queue.isError && !queue.data ? (
          <ApiErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
        ) : items.length === 0 ? (
          <p>{t('resultsReview.queue.nothing')}</p>
        ) : (
          <>
            <TableScroll captionId="queue-caption">
              <table className="admin-table">
                <caption id="queue-caption" className="ui-visually-hidden">
                  {t('resultsReview.queue.caption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('resultsReview.queue.patient')}</th>
                    <th scope="col">{t('resultsReview.queue.mrn')}</th>
                    <th scope="col">{t('resultsReview.queue.test')}</th>
                    <th scope="col">{t('resultsReview.queue.collected')}</th>
                    <th scope="col">{t('resultsReview.queue.waiting')}</th>
                    <th scope="col">{t('resultsReview.queue.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <th scope="row">{item.patient.displayName}</th>
                      <td className="admin-mono">{item.patient.mrn}</td>
                      <td>
                        {item.title}
                        {item.abnormal ? (
                          <>
                            {' '}
                            <StatusBadge tone="error">
                              {t('resultsReview.queue.abnormal')}
                            </StatusBadge>
                          </>
                        ) : null}
                      </td>
                      <td className="admin-nowrap">
                        <Time value={item.effectiveAt} />
                      </td>
                      <td className="admin-nowrap">
                        <Time value={item.issuedAt} display="relative" now={now} />
                      </td>
                      <td>
                        <Link to={patientResultsPath(item.patient.id, item.id)}>
                          {t('resultsReview.queue.review')}
                          <span className="ui-visually-hidden">
                            {' '}
                            {t('resultsReview.queue.reviewOf', {
                              title: item.title,
                              name: item.patient.displayName,
                            })}
                          </span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <QueryLoadMore list={queue} shown={items.length} onlyWithMore />
          </>
        )}
      </section>
    </Page>
  );
}
