import { useTranslation } from 'react-i18next';
import { useLocations } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCatalogChange } from '../api/clinic-settings';
import { CatalogTab } from '../components/CatalogTab';
import { editLocationPath, NEW_LOCATION_PATH } from '../utils/paths';

/** The clinic's locations: where they are, how to call them, and the clock they keep. */
export function LocationsTab() {
  const { t } = useTranslation();
  const locations = useLocations();
  const update = $api.useMutation(
    'patch',
    '/api/v1/locations/{locationId}',
    useCatalogChange('locations'),
  );

  return (
    <CatalogTab
      section="locations"
      idPrefix="locations"
      query={locations}
      newPath={NEW_LOCATION_PATH}
      editPath={editLocationPath}
      columns={[
        t('clinicSettings.locations.fields.name'),
        t('clinicSettings.locations.fields.address'),
        t('clinicSettings.locations.fields.phone'),
        t('clinicSettings.locations.fields.timeZone'),
      ]}
      nameOf={(location) => location.name}
      setActive={(location, active) =>
        update.mutateAsync({ params: { path: { locationId: location.id } }, body: { active } })
      }
      cells={(location) => (
        <>
          <th scope="row">{location.name}</th>
          <td>
            <address className="admin-address">
              {location.address.line1}
              {location.address.line2 ? `, ${location.address.line2}` : ''}
              <br />
              {location.address.city}, {location.address.region} {location.address.postalCode},{' '}
              {location.address.country}
            </address>
          </td>
          <td className="admin-nowrap">{location.phone}</td>
          <td className="admin-nowrap">{location.timeZone}</td>
        </>
      )}
    />
  );
}
