import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { TableScroll } from '../../../components/TableScroll';
import { useLocations } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCatalogChange } from '../api/clinic-settings';
import { ActiveBadge } from '../components/ActiveBadge';
import { ActiveToggle } from '../components/ActiveToggle';
import { SettingsResultMessage } from '../components/SettingsResultMessage';
import { editLocationPath, NEW_LOCATION_PATH } from '../utils/paths';
import { useSettingsResult } from '../utils/result';

const CAPTION_ID = 'locations-caption';

/** The clinic's locations: where they are, how to call them, and the clock they keep. */
export function LocationsTab() {
  const { t } = useTranslation();
  const locations = useLocations();
  const update = $api.useMutation(
    'patch',
    '/api/v1/locations/{locationId}',
    useCatalogChange('locations'),
  );
  const { result, report } = useSettingsResult();

  return (
    <section aria-labelledby="locations-heading">
      <h2 id="locations-heading">{t('clinicSettings.locations.title')}</h2>
      <div className="admin-page-actions">
        <Link className="ui-button ui-button--primary" to={NEW_LOCATION_PATH}>
          {t('clinicSettings.locations.add')}
        </Link>
      </div>
      {result ? <SettingsResultMessage result={result.value} focusKey={result.key} /> : null}
      {locations.isPending ? (
        <LoadingState label={t('clinicSettings.locations.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : locations.isError ? (
        <ApiErrorAlert error={locations.error} onRetry={() => void locations.refetch()} />
      ) : locations.data.length === 0 ? (
        <p>{t('clinicSettings.locations.none')}</p>
      ) : (
        <TableScroll captionId={CAPTION_ID}>
          <table className="admin-table">
            <caption id={CAPTION_ID}>
              {t('clinicSettings.locations.caption', { count: locations.data.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('clinicSettings.locations.fields.name')}</th>
                <th scope="col">{t('clinicSettings.locations.fields.address')}</th>
                <th scope="col">{t('clinicSettings.locations.fields.phone')}</th>
                <th scope="col">{t('clinicSettings.locations.fields.timeZone')}</th>
                <th scope="col">{t('clinicSettings.columns.status')}</th>
                <th scope="col">{t('clinicSettings.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {locations.data.map((location) => (
                <tr key={location.id}>
                  <th scope="row">{location.name}</th>
                  <td>
                    <address className="admin-address">
                      {location.address.line1}
                      {location.address.line2 ? `, ${location.address.line2}` : ''}
                      <br />
                      {location.address.city}, {location.address.region}{' '}
                      {location.address.postalCode}, {location.address.country}
                    </address>
                  </td>
                  <td className="admin-nowrap">{location.phone}</td>
                  <td className="admin-nowrap">{location.timeZone}</td>
                  <td>
                    <ActiveBadge active={location.active} />
                  </td>
                  <td>
                    <div className="admin-table__actions">
                      <Link
                        className="ui-button ui-button--secondary"
                        to={editLocationPath(location.id)}
                      >
                        {t('clinicSettings.actions.edit')}
                        <span className="ui-visually-hidden"> {location.name}</span>
                      </Link>
                      <ActiveToggle
                        active={location.active}
                        name={location.name}
                        onToggle={async (active) => {
                          try {
                            await update.mutateAsync({
                              params: { path: { locationId: location.id } },
                              body: { active },
                            });
                            report({
                              tone: 'success',
                              text: active
                                ? t('clinicSettings.locations.activated', { name: location.name })
                                : t('clinicSettings.locations.deactivated', {
                                    name: location.name,
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
