import { Button, LoadingState, Skeleton } from '@portal/ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import { StatusBadge } from '../../../components/StatusBadge';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { recordHistoryPath, useRecords } from '../api/records';
import type { HealthRecordItem } from '../api/types';
import type { KindSpec } from '../utils/kinds';
import type { FieldName } from '../utils/labels';
import { useValueWords } from '../utils/use-value-words';
import { HistoryDialog } from './HistoryDialog';
import { RecordFormDialog } from './RecordFormDialog';

type Row = Record<string, unknown>;

/** The name of the record (what it is about), for the table and the dialogs. */
function recordName(spec: KindSpec, record: Row, words: ReturnType<typeof useValueWords>) {
  switch (spec.kind) {
    case 'conditions':
      return words('code', record['code'], record);
    case 'immunizations':
      return words('cvxCode', record['cvxCode'], record);
    case 'allergies':
      return String(record['substance'] ?? '');
    case 'medications':
      return words('rxnormCode', record['rxnormCode'], record);
    case 'visit-summaries':
      return words('visitDate', record['visitDate']);
    default:
      return String(record['title'] ?? '');
  }
}

/** Details worth seeing in the list without opening the record. */
function recordDetails(spec: KindSpec, record: Row, words: ReturnType<typeof useValueWords>) {
  const show = (names: FieldName[]) =>
    names
      .map((name) => [name, words(name, record[name], record)] as const)
      .filter(([, text]) => text);
  switch (spec.kind) {
    case 'conditions':
      return show(['onsetDate', 'abatementDate', 'note']);
    case 'allergies':
      return show(['category', 'reaction', 'severity', 'onsetDate']);
    case 'immunizations':
      return show(['occurredOn', 'doseNumber', 'lotNumber', 'site']);
    case 'visit-summaries':
      return show(['diagnoses', 'instructions', 'followUp']);
    case 'medications':
      return show(['dose', 'route', 'frequency', 'startDate', 'endDate', 'refillsRemaining']);
    default:
      return show(['periodStart', 'periodEnd', 'goals', 'activities']);
  }
}

export interface RecordSectionProps {
  patientId: string;
  spec: KindSpec;
  canEdit: boolean;
  onDone: (message: string) => void;
}

/** One kind of record as a table, with add, correct and history for those who may. */
export function RecordSection({ patientId, spec, canEdit, onDone }: RecordSectionProps) {
  const { t } = useTranslation();
  const words = useValueWords();
  const list = useRecords(patientId, spec.kind);
  const [dialog, setDialog] = useState<
    { kind: 'add' } | { kind: 'edit' | 'history'; record: HealthRecordItem } | null
  >(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `hr-${spec.kind}`;
  const captionId = `${headingId}-caption`;
  const plural = t(`healthRecords.kinds.${spec.kind}.other`);

  let body: ReactNode;
  if (list.isPending) {
    body = (
      <LoadingState label={t('healthRecords.loading', { kind: plural })}>
        <Skeleton height="2.5rem" />
      </LoadingState>
    );
  } else if (list.isError && !list.data) {
    body = <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  } else if (items.length === 0) {
    body = <p>{t(`healthRecords.kinds.${spec.kind}.none`)}</p>;
  } else {
    body = (
      <>
        <TableScroll captionId={captionId}>
          <table className="admin-table">
            <caption id={captionId} className="ui-visually-hidden">
              {plural}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t(`healthRecords.kinds.${spec.kind}.name`)}</th>
                <th scope="col">{t('healthRecords.columns.status')}</th>
                <th scope="col">{t('healthRecords.columns.details')}</th>
                <th scope="col">{t('healthRecords.columns.recorded')}</th>
                <th scope="col">{t('healthRecords.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((record) => {
                const row = record as unknown as Row;
                const name = recordName(spec, row, words);
                return (
                  <tr key={record.id}>
                    <th scope="row">{name}</th>
                    <td>
                      {words(spec.statusField, row[spec.statusField])}
                      {record.corrected ? (
                        <>
                          {' '}
                          <StatusBadge tone="warning">{t('healthRecords.corrected')}</StatusBadge>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {recordDetails(spec, row, words).map(([field, text]) => (
                        <div key={field}>
                          <span className="admin-muted">{t(`healthRecords.fields.${field}`)}:</span>{' '}
                          {text}
                        </div>
                      ))}
                    </td>
                    <td>
                      {record.recordedBy?.displayName ?? t('healthRecords.unknownPerson')}
                      <br />
                      <span className="admin-muted">
                        <Time value={record.updatedAt ?? record.recordedAt} />
                      </span>
                    </td>
                    <td>
                      <div className="admin-table__actions">
                        {canEdit ? (
                          <Button
                            variant="secondary"
                            onClick={() => setDialog({ kind: 'edit', record })}
                          >
                            {t('healthRecords.correct')}
                            <span className="ui-visually-hidden"> {name}</span>
                          </Button>
                        ) : null}
                        {record.version > 1 ? (
                          <Button
                            variant="secondary"
                            onClick={() => setDialog({ kind: 'history', record })}
                          >
                            {t('healthRecords.history.open')}
                            <span className="ui-visually-hidden"> {name}</span>
                          </Button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
        <QueryLoadMore list={list} shown={items.length} onlyWithMore />
      </>
    );
  }

  return (
    <section className="hr-section" aria-labelledby={headingId}>
      <div className="hr-section__head">
        <h3 id={headingId}>{plural}</h3>
        {canEdit ? (
          <Button variant="secondary" onClick={() => setDialog({ kind: 'add' })}>
            {t('healthRecords.add', { kind: t(`healthRecords.kinds.${spec.kind}.one`) })}
          </Button>
        ) : null}
      </div>
      {body}
      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <RecordFormDialog
          patientId={patientId}
          spec={spec}
          record={dialog.kind === 'edit' ? dialog.record : undefined}
          onDone={onDone}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'history' ? (
        <HistoryDialog
          title={recordName(spec, dialog.record as unknown as Row, words)}
          path={recordHistoryPath(patientId, spec.kind, dialog.record.id)}
          fields={spec.fields.map((field) => field.name)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
