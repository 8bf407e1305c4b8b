import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { TableScroll } from '../../../components/TableScroll';
import { useLocations, useProviders, useVisitTypes } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCatalogChange } from '../api/clinic-settings';
import { ActiveBadge } from '../components/ActiveBadge';
import { ActiveToggle } from '../components/ActiveToggle';
import { SettingsResultMessage } from '../components/SettingsResultMessage';
import { editProviderPath, NEW_PROVIDER_PATH } from '../utils/paths';
import { useSettingsResult } from '../utils/result';

const CAPTION_ID = 'providers-caption';

/** Who sees patients: their specialty, the visits they offer and where they work. */
export function ProvidersTab() {
  const { t } = useTranslation();
  const providers = useProviders();
  const visitTypes = useVisitTypes();
  const locations = useLocations();
  const update = $api.useMutation(
    'patch',
    '/api/v1/providers/{providerId}',
    useCatalogChange('providers'),
  );
  const { result, report } = useSettingsResult();
  const typeNames = new Map((visitTypes.data ?? []).map((type) => [type.id, type.name]));
  const placeNames = new Map((locations.data ?? []).map((place) => [place.id, place.name]));

  return (
    <section aria-labelledby="providers-heading">
      <h2 id="providers-heading">{t('clinicSettings.providers.title')}</h2>
      <div className="admin-page-actions">
        <Link className="ui-button ui-button--primary" to={NEW_PROVIDER_PATH}>
          {t('clinicSettings.providers.add')}
        </Link>
      </div>
      {result ? <SettingsResultMessage result={result.value} focusKey={result.key} /> : null}
      {providers.isPending ? (
        <LoadingState label={t('clinicSettings.providers.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : providers.isError ? (
        <ApiErrorAlert error={providers.error} onRetry={() => void providers.refetch()} />
      ) : providers.data.length === 0 ? (
        <p>{t('clinicSettings.providers.none')}</p>
      ) : (
        <TableScroll captionId={CAPTION_ID}>
          <table className="admin-table">
            <caption id={CAPTION_ID}>
              {t('clinicSettings.providers.caption', { count: providers.data.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('clinicSettings.providers.fields.displayName')}</th>
                <th scope="col">{t('clinicSettings.providers.fields.specialty')}</th>
                <th scope="col">{t('clinicSettings.providers.fields.visitTypes')}</th>
                <th scope="col">{t('clinicSettings.providers.columns.locations')}</th>
                <th scope="col">{t('clinicSettings.providers.columns.account')}</th>
                <th scope="col">{t('clinicSettings.columns.status')}</th>
                <th scope="col">{t('clinicSettings.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {providers.data.map((provider) => (
                <tr key={provider.id}>
                  <th scope="row">{provider.displayName}</th>
                  <td>{provider.specialty}</td>
                  <td>
                    {provider.visitTypeIds.length === 0
                      ? t('sections.none')
                      : provider.visitTypeIds.map((id) => typeNames.get(id) ?? '—').join(', ')}
                  </td>
                  <td>
                    {provider.locationIds.length === 0
                      ? t('clinicSettings.providers.noHours')
                      : provider.locationIds.map((id) => placeNames.get(id) ?? '—').join(', ')}
                  </td>
                  <td>
                    {provider.accountId
                      ? t('clinicSettings.providers.linked')
                      : t('clinicSettings.providers.notLinked')}
                  </td>
                  <td>
                    <ActiveBadge active={provider.active} />
                  </td>
                  <td>
                    <div className="admin-table__actions">
                      <Link
                        className="ui-button ui-button--secondary"
                        to={editProviderPath(provider.id)}
                      >
                        {t('clinicSettings.actions.edit')}
                        <span className="ui-visually-hidden"> {provider.displayName}</span>
                      </Link>
                      <ActiveToggle
                        active={provider.active}
                        name={provider.displayName}
                        onToggle={async (active) => {
                          try {
                            await update.mutateAsync({
                              params: { path: { providerId: provider.id } },
                              body: { active },
                            });
                            report({
                              tone: 'success',
                              text: active
                                ? t('clinicSettings.providers.activated', {
                                    name: provider.displayName,
                                  })
                                : t('clinicSettings.providers.deactivated', {
                                    name: provider.displayName,
                                  }),
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
