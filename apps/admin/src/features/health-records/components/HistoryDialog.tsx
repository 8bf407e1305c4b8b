import { Button, Dialog, LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Time } from '../../../components/Time';
import { useHistory } from '../api/records';
import type { FieldName } from '../utils/labels';
import { useValueWords } from '../utils/use-value-words';

export interface HistoryDialogProps {
  /** What the versions belong to: "Condition I10 Essential (primary) hypertension". */
  title: string;
  /** The history route of the record or observation. */
  path: string;
  /** The fields to show from each earlier version, in order. */
  fields: readonly FieldName[];
  onClose: () => void;
}

/** Every earlier version, newest first: who changed it, when, why, and what it said before. */
export function HistoryDialog({ title, path, fields, onClose }: HistoryDialogProps) {
  const { t } = useTranslation();
  const history = useHistory(path);
  const words = useValueWords();
  const items = history.data?.items ?? [];

  return (
    <Dialog
      open
      title={t('healthRecords.history.title')}
      description={<p>{title}</p>}
      onEscape={onClose}
      actions={
        <Button variant="secondary" onClick={onClose}>
          {t('healthRecords.history.close')}
        </Button>
      }
    >
      {history.isPending ? (
        <LoadingState label={t('healthRecords.history.loading')}>
          <Skeleton height="4rem" />
        </LoadingState>
      ) : history.isError ? (
        <ApiErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('healthRecords.history.none')}</p>
      ) : (
        <ol className="hr-rows" aria-label={t('healthRecords.history.title')}>
          {items.map((item) => {
            const snapshot = (item.snapshot ?? {}) as Record<string, unknown>;
            return (
              <li key={item.version} className="hr-row">
                <p>
                  <strong>{t('healthRecords.history.version', { version: item.version })}</strong>
                  {' · '}
                  {t('healthRecords.history.changed', {
                    who: item.changedBy?.displayName ?? t('healthRecords.unknownPerson'),
                  })}{' '}
                  <Time value={item.changedAt} />
                </p>
                <p>
                  {t('healthRecords.history.reason')}: {item.reason || t('sections.none')}
                </p>
                <dl className="hr-history">
                  {fields
                    .filter((name) => name in snapshot)
                    .map((name) => (
                      <div key={name}>
                        <dt>{t(`healthRecords.fields.${name}`)}</dt>
                        <dd>{words(name, snapshot[name], snapshot) || t('sections.none')}</dd>
                      </div>
                    ))}
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </Dialog>
  );
}
