import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { $api } from '../../../lib/api';
import { unitWords } from '../utils/words';

/** The latest vital signs, newest first, flags in words. */
export function VitalsTable({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  // The newest first.
  const vitals = $api.useQuery('get', '/api/v1/patients/{patientId}/vitals', {
    params: { path: { patientId }, query: { limit: 30 } },
  });
  if (vitals.isPending) {
    return (
      <LoadingState label={t('healthRecords.vitals.loading')}>
        <Skeleton height="2.5rem" />
      </LoadingState>
    );
  }
  if (vitals.isError) {
    return <ApiErrorAlert error={vitals.error} onRetry={() => void vitals.refetch()} />;
  }
  const items = vitals.data.items;
  if (items.length === 0) return <p>{t('healthRecords.vitals.none')}</p>;
  return (
    <TableScroll captionId="vitals-caption">
      <table className="admin-table">
        <caption id="vitals-caption" className="ui-visually-hidden">
          {t('healthRecords.vitals.title')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('healthRecords.vitals.takenAt')}</th>
            <th scope="col">{t('healthRecords.results.test')}</th>
            <th scope="col">{t('healthRecords.results.value')}</th>
            <th scope="col">{t('healthRecords.results.flag')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id}>
              <td>
                <Time value={o.effectiveAt} />
              </td>
              <th scope="row">{o.display}</th>
              <td>
                {o.valueQuantity ?? o.valueText} {unitWords(o.unit)}
              </td>
              <td>
                {o.interpretation
                  ? t(`healthRecords.flags.${o.interpretation}`)
                  : t('healthRecords.flags.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
