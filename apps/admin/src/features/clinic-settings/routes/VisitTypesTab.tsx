import { useTranslation } from 'react-i18next';
import { useVisitTypes } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCatalogChange } from '../api/clinic-settings';
import { CatalogTab } from '../components/CatalogTab';
import { editVisitTypePath, NEW_VISIT_TYPE_PATH } from '../utils/paths';

/** The kinds of visit: how long each takes and who may book it online. */
export function VisitTypesTab() {
  const { t } = useTranslation();
  const visitTypes = useVisitTypes();
  const update = $api.useMutation(
    'patch',
    '/api/v1/visit-types/{visitTypeId}',
    useCatalogChange('visitTypes'),
  );

  return (
    <CatalogTab
      section="visitTypes"
      idPrefix="visit-types"
      query={visitTypes}
      newPath={NEW_VISIT_TYPE_PATH}
      editPath={editVisitTypePath}
      columns={[
        t('clinicSettings.visitTypes.fields.name'),
        t('clinicSettings.visitTypes.fields.duration'),
        t('clinicSettings.visitTypes.columns.online'),
      ]}
      nameOf={(type) => type.name}
      setActive={(type, active) =>
        update.mutateAsync({ params: { path: { visitTypeId: type.id } }, body: { active } })
      }
      cells={(type) => (
        <>
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
        </>
      )}
    />
  );
}
