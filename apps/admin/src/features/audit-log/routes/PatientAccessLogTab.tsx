import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import { RoleNames } from '../../../components/RoleNames';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { patientFullName, usePatientRecord } from '../../../lib/patient-record';
import { useInfiniteQuery } from '@tanstack/react-query';
import { pagedQueryOptions } from '../../../lib/api';
import { ACCESS_LOG_PAGE_SIZE } from '../api/audit-log';

const CAPTION_ID = 'access-log-caption';

/**
 * Who at the clinic looked at or changed this record, newest first: the same list the patient
 * sees under "Who has accessed my record".
 */
export function PatientAccessLogTab() {
  const { t } = useTranslation();
  const patient = usePatientRecord();
  // What staff did with this record, newest first, in plain words. Administrators only.
  const log = useInfiniteQuery(
    pagedQueryOptions('/api/v1/patients/{patientId}/access-log', {
      path: { patientId: patient.id },
      query: { limit: ACCESS_LOG_PAGE_SIZE },
    }),
  );
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{t('audit.accessLog.title')}</h2>
      <p>{t('audit.accessLog.intro')}</p>
      {log.isPending ? (
        <LoadingState label={t('audit.accessLog.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : log.isError && !log.data ? (
        <ApiErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <p>{t('audit.accessLog.none')}</p>
      ) : (
        <>
          <TableScroll captionId={CAPTION_ID}>
            <table className="admin-table">
              <caption id={CAPTION_ID}>
                {t('audit.accessLog.caption', { name: patientFullName(patient) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.accessLog.when')}</th>
                  <th scope="col">{t('audit.accessLog.who')}</th>
                  <th scope="col">{t('audit.accessLog.what')}</th>
                  <th scope="col">{t('audit.table.action')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry, index) => (
                  // The API gives access-log entries no id; time and position identify them.
                  <tr key={`${entry.occurredAt}-${index}`}>
                    <th scope="row" className="admin-nowrap">
                      <Time value={entry.occurredAt} />
                    </th>
                    <td>
                      {entry.staffName}
                      <br />
                      <span className="admin-muted">
                        <RoleNames roles={entry.staffRoles} />
                      </span>
                    </td>
                    <td>{entry.description}</td>
                    <td className="admin-mono">{entry.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <QueryLoadMore list={log} shown={entries.length} />
        </>
      )}
    </section>
  );
}
