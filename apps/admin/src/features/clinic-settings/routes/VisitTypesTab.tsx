import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { TableScroll } from '../../../components/TableScroll';
import { useVisitTypes } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCatalogChange } from '../api/clinic-settings';
import { ActiveBadge } from '../components/ActiveBadge';
import { ActiveToggle } from '../components/ActiveToggle';
import { SettingsResultMessage } from '../components/SettingsResultMessage';
import { editVisitTypePath, NEW_VISIT_TYPE_PATH } from '../utils/paths';
import { useSettingsResult } from '../utils/result';

const CAPTION_ID = 'visit-types-caption';

/** The kinds of visit: how long each takes and who may book it online. */
export function VisitTypesTab() {
  const { t } = useTranslation();
  const visitTypes = useVisitTypes();
  const update = $api.useMutation(
    'patch',
    '/api/v1/visit-types/{visitTypeId}',
    useCatalogChange('visitTypes'),
  );
  const { result, report } = useSettingsResult();

  return (
    <section aria-labelledby="visit-types-heading">
      <h2 id="visit-types-heading">{t('clinicSettings.visitTypes.title')}</h2>
      <div className="admin-page-actions">
        <Link className="ui-button ui-button--primary" to={NEW_VISIT_TYPE_PATH}>
          {t('clinicSettings.visitTypes.add')}
        </Link>
      </div>
      {result ? <SettingsResultMessage result={result.value} focusKey={result.key} /> : null}
      {visitTypes.isPending ? (
        <LoadingState label={t('clinicSettings.visitTypes.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : visitTypes.isError ? (
        <ApiErrorAlert error={visitTypes.error} onRetry={() => void visitTypes.refetch()} />
      ) : visitTypes.data.length === 0 ? (
        <p>{t('clinicSettings.visitTypes.none')}</p>
      ) : (
        <TableScroll captionId={CAPTION_ID}>
          <table className="admin-table">
            <caption id={CAPTION_ID}>
              {t('clinicSettings.visitTypes.caption', { count: visitTypes.data.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('clinicSettings.visitTypes.fields.name')}</th>
                <th scope="col">{t('clinicSettings.visitTypes.fields.duration')}</th>
                <th scope="col">{t('clinicSettings.visitTypes.columns.online')}</th>
                <th scope="col">{t('clinicSettings.columns.status')}</th>
                <th scope="col">{t('clinicSettings.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {visitTypes.data.map((type) => (
                <tr key={type.id}>
                  <th scope="row">
                    {type.name}
                    {type.description ? (
                      <>
                        <br />
                        <span className="admin-muted">{type.description}</span>
                      </>
                    ) : null}
                  </th>
                  <td className="admin-nowrap">
                    {t('clinicSettings.visitTypes.minutes', { count: type.durationMinutes })}
                  </td>
                  <td>
                    {type.bookableOnline
                      ? t(`clinicSettings.visitTypes.onlineBy.${type.patientStatus}`)
                      : t('clinicSettings.visitTypes.staffOnly')}
                  </td>
                  <td>
                    <ActiveBadge active={type.active} />
                  </td>
                  <td>
                    <div className="admin-table__actions">
                      <Link
                        className="ui-button ui-button--secondary"
                        to={editVisitTypePath(type.id)}
                      >
                        {t('clinicSettings.actions.edit')}
                        <span className="ui-visually-hidden"> {type.name}</span>
                      </Link>
                      <ActiveToggle
                        active={type.active}
                        name={type.name}
                        onToggle={async (active) => {
                          try {
                            await update.mutateAsync({
                              params: { path: { visitTypeId: type.id } },
                              body: { active },
                            });
                            report({
                              tone: 'success',
                              text: active
                                ? t('clinicSettings.visitTypes.activated', { name: type.name })
                                : t('clinicSettings.visitTypes.deactivated', { name: type.name }),
                            });
                          } catch (error) {
                            report({ tone: 'error', error });
                          }
                        }}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
