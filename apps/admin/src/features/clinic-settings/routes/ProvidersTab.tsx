import { useTranslation } from 'react-i18next';
import { useLocations, useProviders, useVisitTypes } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCatalogChange } from '../api/clinic-settings';
import { CatalogTab } from '../components/CatalogTab';
import { editProviderPath, NEW_PROVIDER_PATH } from '../utils/paths';

/** Who sees patients: their specialty, the visits they offer and where they work. */
export function ProvidersTab() {
  const { t } = useTranslation();
  const locations = useLocations();
  const providers = useProviders();
  const visitTypes = useVisitTypes();
  const update = $api.useMutation(
    'patch',
    '/api/v1/providers/{providerId}',
    useCatalogChange('providers'),
  );
  const typeNames = new Map((visitTypes.data ?? []).map((type) => [type.id, type.name]));
  const placeNames = new Map((locations.data ?? []).map((place) => [place.id, place.name]));

  return (
    <CatalogTab
      section="providers"
      idPrefix="providers"
      query={providers}
      newPath={NEW_PROVIDER_PATH}
      editPath={editProviderPath}
      columns={[
        t('clinicSettings.providers.fields.displayName'),
        t('clinicSettings.providers.fields.specialty'),
        t('clinicSettings.providers.fields.visitTypes'),
        t('clinicSettings.providers.columns.locations'),
        t('clinicSettings.providers.columns.account'),
      ]}
      nameOf={(provider) => provider.displayName}
      setActive={(provider, active) =>
        update.mutateAsync({ params: { path: { providerId: provider.id } }, body: { active } })
      }
      cells={(provider) => (
        <>
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
        </>
      )}
    />
  );
}
