import { useTranslation } from 'react-i18next';
import { useLocations } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCarePoolChange, useCarePools } from '../api/clinic-settings';
import { CatalogTab } from '../components/CatalogTab';
import { editCarePoolPath, NEW_CARE_POOL_PATH } from '../utils/paths';

/** The care-team pools patients' messages are routed to: who reads each, and where. */
export function CarePoolsTab() {
  const { t } = useTranslation();
  const pools = useCarePools();
  const locations = useLocations();
  const update = $api.useMutation('patch', '/api/v1/care-pools/{poolId}', useCarePoolChange());
  const placeNames = new Map((locations.data ?? []).map((place) => [place.id, place.name]));

  return (
    <CatalogTab
      section="carePools"
      idPrefix="care-pools"
      query={pools}
      newPath={NEW_CARE_POOL_PATH}
      editPath={editCarePoolPath}
      columns={[
        t('clinicSettings.carePools.fields.name'),
        t('clinicSettings.carePools.fields.department'),
        t('clinicSettings.carePools.fields.location'),
      ]}
      nameOf={(pool) => pool.name}
      setActive={(pool, active) =>
        update.mutateAsync({ params: { path: { poolId: pool.id } }, body: { active } })
      }
      cells={(pool) => (
        <>
          <th scope="row">{pool.name}</th>
          <td>{t(`clinicSettings.carePools.departments.${pool.department}`)}</td>
          <td>
            {pool.locationId
              ? (placeNames.get(pool.locationId) ?? '—')
              : t('clinicSettings.carePools.wholeClinic')}
          </td>
        </>
      )}
    />
  );
}
