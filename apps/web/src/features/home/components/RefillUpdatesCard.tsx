import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../../lib/api-queries';
import { MY_MEDICATIONS_PATH } from '../../../lib/navigation';

const TITLE_ID = 'home-refills';
const DAY = 86_400_000;
/** An answer counts as news for two weeks. */
const RECENT_DAYS = 14;

/**
 * How many refill requests wait for the care team and how many were answered lately, from the
 * same list Medications reads (newest first). No medicine names: Home is the page most likely
 * to be seen over a shoulder.
 */
export function RefillUpdatesCard({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const requests = $api.useQuery(
    'get',
    '/api/v1/patients/{patientId}/refill-requests',
    // The same page Medications shows, so the two share what was read.
    { params: { path: { patientId }, query: { limit: 20 } } },
    {
      select: ({ items }) => {
        const since = Date.now() - RECENT_DAYS * DAY;
        return {
          waiting: items.filter((item) => ['requested', 'in_review'].includes(item.status)).length,
          answered: items.filter(
            (item) =>
              item.status !== 'cancelled' &&
              item.decidedAt !== null &&
              Date.parse(item.decidedAt) >= since,
          ).length,
        };
      },
    },
  );
  const counts = requests.data;
  return (
    <section className="ui-card" aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>{t('home.refills.title')}</h2>
      {counts ? (
        <p>
          {counts.answered > 0 ? t('home.refills.answered', { count: counts.answered }) : null}
          {counts.answered > 0 && counts.waiting > 0 ? ' ' : null}
          {counts.waiting > 0 ? t('home.refills.waiting', { count: counts.waiting }) : null}
          {counts.answered === 0 && counts.waiting === 0 ? t('home.refills.none') : null}
        </p>
      ) : requests.isError ? (
        <p>{t('home.refills.failed')}</p>
      ) : (
        <LoadingState label={t('home.refills.loading')}>
          <p>
            <Skeleton className="app-skeleton-text" width="14rem" />
          </p>
        </LoadingState>
      )}
      <p>
        <Link to={MY_MEDICATIONS_PATH}>{t('home.refills.link')}</Link>
      </p>
    </section>
  );
}
