import '../access-log.css';
import { Alert, LinkList } from '@portal/ui';
import { QueryPending } from '../../../components/QueryState';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { ACCOUNT_PATH } from '../../../lib/navigation';
import { useCurrentSession } from '../../../lib/session';
import { $api, cursorPages } from '../../../lib/api-queries';
import { ACCESS_LOG_PAGE_SIZE } from '../api';
import { AccessLogList } from '../components/AccessLogList';
import { groupVisits } from '../utils/group-visits';
import { ShowMore } from '../../../components/ShowMore';

const COUNT_ID = 'access-log-count';

const LOG_SKELETONS = [{ height: '8rem' }, { height: '8rem' }, { height: '8rem' }];

/**
 * /account/access-log — who at the clinic has opened or changed the patient's record
 * (HIPAA gives patients a right to an accounting of disclosures; few portals show this).
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  return (
    <Page title={t('accessLog.title')}>
      <p>{t('accessLog.intro')}</p>
      <p>{t('accessLog.why')}</p>
      {user.patientId ? (
        <AccessLog patientId={user.patientId} />
      ) : (
        <Alert tone="info" announce={false}>
          {t('accessLog.noPatient')}
        </Alert>
      )}
      <LinkList>
        <Link to={ACCOUNT_PATH}>{t('accessLog.backToAccount')}</Link>
      </LinkList>
    </Page>
  );
}

function AccessLog({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const log = $api.useInfiniteQuery(
    'get',
    '/api/v1/patients/{patientId}/access-log',
    { params: { path: { patientId }, query: { limit: ACCESS_LOG_PAGE_SIZE } } },
    cursorPages,
  );
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const clearFocus = useCallback(() => setFocusIndex(null), []);

  if (!log.data) {
    return <QueryPending query={log} copy="accessLog" skeletons={LOG_SKELETONS} />;
  }

  const entries = log.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return (
      <Alert tone="info" announce={false}>
        <p>{t('accessLog.empty')}</p>
      </Alert>
    );
  }

  const showMore = async () => {
    if (log.isFetchingNextPage) {
      return;
    }
    const firstNew = entries.length;
    const result = await log.fetchNextPage();
    if (!result.isError) {
      setFocusIndex(firstNew);
    }
  };

  return (
    <>
      <p className="access-log__count" id={COUNT_ID}>
        {t('accessLog.count', { count: groupVisits(entries).length })}
      </p>
      <AccessLogList
        entries={entries}
        focusIndex={focusIndex}
        onFocused={clearFocus}
        labelledBy={COUNT_ID}
      />
      <ShowMore list={log} copy="accessLog" onShowMore={showMore} />
    </>
  );
}
