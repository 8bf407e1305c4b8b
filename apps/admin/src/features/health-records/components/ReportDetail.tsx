import { isApiError } from '@portal/api-client';
import { Button, LoadingState, Skeleton } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { StatusBadge } from '../../../components/StatusBadge';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { $api } from '../../../lib/api';
import { observationHistoryPath, useResultsChange } from '../api/results';
import type { Observation } from '../api/types';
import type { FieldName } from '../utils/labels';
import { rangeWords, unitWords } from '../utils/words';
import { CorrectObservationDialog } from './CorrectObservationDialog';
import { HistoryDialog } from './HistoryDialog';
import { AbnormalWords, ReleaseBadge } from './ResultBadges';

const OBSERVATION_FIELDS: FieldName[] = [
  'valueQuantity',
  'valueText',
  'unit',
  'referenceLow',
  'referenceHigh',
  'interpretation',
  'status',
];

export interface ReportDetailProps {
  patientId: string;
  reportId: string;
  canEdit: boolean;
  canRelease: boolean;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** One report with its values, ranges and flags; correct a value, or release a held report. */
export function ReportDetail({
  patientId,
  reportId,
  canEdit,
  canRelease,
  onDone,
  onClose,
}: ReportDetailProps) {
  const { t } = useTranslation();
  const report = $api.useQuery('get', '/api/v1/patients/{patientId}/results/{reportId}', {
    params: { path: { patientId, reportId } },
  });
  const release = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/results/{reportId}/release',
    useResultsChange(),
  );
  const [confirming, setConfirming] = useState(false);
  const [dialog, setDialog] = useState<{
    kind: 'correct' | 'history';
    observation: Observation;
  } | null>(null);

  if (report.isPending) {
    return (
      <LoadingState label={t('healthRecords.results.loadingReport')}>
        <Skeleton height="6rem" />
      </LoadingState>
    );
  }
  if (report.isError) {
    return <ApiErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  }

  const data = report.data;
  const captionId = `report-${data.id}-caption`;

  const doRelease = async () => {
    try {
      await release.mutateAsync({
        params: { path: { patientId, reportId: data.id } },
        body: { version: data.version },
      });
      setConfirming(false);
      onDone(t('healthRecords.results.released', { title: data.title }));
    } catch (failure) {
      // Released by someone else meanwhile: the report reloads and says so.
      if (isApiError(failure) && failure.code === 'already_released') {
        setConfirming(false);
        void report.refetch();
      }
    }
  };

  return (
    <section className="hr-section ui-card" aria-labelledby={`report-${data.id}`}>
      <div className="hr-section__head">
        <h3 id={`report-${data.id}`} tabIndex={-1}>
          {data.title}
        </h3>
        <Button variant="secondary" onClick={onClose}>
          {t('healthRecords.results.closeReport')}
        </Button>
      </div>
      <ul className="admin-record-facts">
        <li>
          {t('healthRecords.results.collected')}: <Time value={data.effectiveAt} />
        </li>
        <li>
          {t(`healthRecords.values.${data.status}`)}{' '}
          {data.corrected ? (
            <StatusBadge tone="warning">{t('healthRecords.corrected')}</StatusBadge>
          ) : null}
        </li>
        <li>
          <ReleaseBadge state={data.releaseState} />{' '}
          {data.releasedAt ? <Time value={data.releasedAt} /> : null}
        </li>
        {data.orderingProvider ? (
          <li>
            {t('healthRecords.results.orderedBy')}: {data.orderingProvider.displayName}
          </li>
        ) : null}
      </ul>
      {data.releaseState === 'held' ? (
        <p>
          {t('healthRecords.results.heldNote')}{' '}
          {canRelease ? (
            <Button onClick={() => setConfirming(true)}>
              {t('healthRecords.results.release.action')}
            </Button>
          ) : null}
        </p>
      ) : null}
      {data.narrative ? <p>{data.narrative}</p> : null}
      <TableScroll captionId={captionId}>
        <table className="admin-table">
          <caption id={captionId}>
            {t('healthRecords.results.values', { title: data.title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('healthRecords.results.test')}</th>
              <th scope="col">{t('healthRecords.results.value')}</th>
              <th scope="col">{t('healthRecords.results.range')}</th>
              <th scope="col">{t('healthRecords.results.flag')}</th>
              <th scope="col">{t('healthRecords.columns.status')}</th>
              <th scope="col">{t('healthRecords.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.observations.map((observation) => (
              <tr key={observation.id}>
                <th scope="row">
                  {observation.display}{' '}
                  <span className="admin-mono admin-muted">{observation.code}</span>
                </th>
                <td>
                  {observation.valueQuantity ?? observation.valueText} {unitWords(observation.unit)}
                </td>
                <td>
                  {rangeWords(
                    observation.referenceLow,
                    observation.referenceHigh,
                    observation.referenceText,
                  )}
                </td>
                <td>
                  {observation.interpretation
                    ? t(`healthRecords.flags.${observation.interpretation}`)
                    : t('healthRecords.flags.none')}
                </td>
                <td>
                  {t(`healthRecords.values.${observation.status}`)}
                  {observation.corrected ? (
                    <>
                      {' '}
                      <StatusBadge tone="warning">{t('healthRecords.corrected')}</StatusBadge>
                    </>
                  ) : null}
                </td>
                <td>
                  <div className="admin-table__actions">
                    {canEdit ? (
                      <Button
                        variant="secondary"
                        onClick={() => setDialog({ kind: 'correct', observation })}
                      >
                        {t('healthRecords.correct')}
                        <span className="ui-visually-hidden"> {observation.display}</span>
                      </Button>
                    ) : null}
                    {observation.version > 1 ? (
                      <Button
                        variant="secondary"
                        onClick={() => setDialog({ kind: 'history', observation })}
                      >
                        {t('healthRecords.history.open')}
                        <span className="ui-visually-hidden"> {observation.display}</span>
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        <AbnormalWords abnormal={data.abnormal} />
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('healthRecords.results.release.title')}
        description={t('healthRecords.results.release.body', { title: data.title })}
        confirmLabel={t('healthRecords.results.release.action')}
        cancelLabel={t('healthRecords.results.release.keep')}
        busy={release.isPending}
        error={release.error}
        onConfirm={() => void doRelease()}
        onCancel={() => setConfirming(false)}
      />
      {dialog?.kind === 'correct' ? (
        <CorrectObservationDialog
          patientId={patientId}
          reportId={data.id}
          observation={dialog.observation}
          onDone={onDone}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'history' ? (
        <HistoryDialog
          title={dialog.observation.display}
          path={observationHistoryPath(patientId, data.id, dialog.observation.id)}
          fields={OBSERVATION_FIELDS}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
