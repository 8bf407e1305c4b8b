import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import {
  CatalogEntryUnavailable,
  sendChanges,
  useBackWithMessage,
} from '../components/CatalogFormStates';
import { useVisitTypes } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCatalogChange, type UpdateVisitTypeRequest } from '../api/clinic-settings';
import {
  VisitTypeForm,
  visitTypeFormValues,
  type VisitTypeFormValues,
} from '../components/VisitTypeForm';
import { CLINIC_VISIT_TYPES_PATH } from '../utils/paths';

/** Only what changed; an emptied description becomes null. */
function changes(
  before: VisitTypeFormValues,
  after: VisitTypeFormValues & { duration: number },
): UpdateVisitTypeRequest {
  const body: UpdateVisitTypeRequest = {};
  if (after.name.trim() !== before.name) body.name = after.name.trim();
  if (after.description.trim() !== before.description) {
    body.description = after.description.trim() || null;
  }
  if (String(after.duration) !== before.durationMinutes) body.durationMinutes = after.duration;
  if (after.bookableOnline !== before.bookableOnline) body.bookableOnline = after.bookableOnline;
  if (after.patientStatus !== before.patientStatus) body.patientStatus = after.patientStatus;
  return body;
}

/** Adds a visit type, or changes one (`/settings/clinic/visit-types/:visitTypeId`). */
export function VisitTypeFormPage() {
  const { t } = useTranslation();
  const { visitTypeId } = useParams();
  const visitTypes = useVisitTypes();
  const create = $api.useMutation('post', '/api/v1/visit-types', useCatalogChange('visitTypes'));
  const update = $api.useMutation(
    'patch',
    '/api/v1/visit-types/{visitTypeId}',
    useCatalogChange('visitTypes'),
  );
  const title = visitTypeId
    ? t('clinicSettings.visitTypes.editTitle')
    : t('clinicSettings.visitTypes.newTitle');

  const done = useBackWithMessage(CLINIC_VISIT_TYPES_PATH);

  if (!visitTypeId) {
    return (
      <Page title={title}>
        <VisitTypeForm
          label={title}
          initialValues={visitTypeFormValues()}
          submitLabel={t('clinicSettings.visitTypes.create')}
          onSubmit={async (values) => {
            const description = values.description.trim();
            const created = await create.mutateAsync({
              body: {
                name: values.name.trim(),
                ...(description ? { description } : {}),
                durationMinutes: values.duration,
                bookableOnline: values.bookableOnline,
                patientStatus: values.patientStatus,
              },
            });
            await done(t('clinicSettings.visitTypes.created', { name: created.name }));
          }}
        />
      </Page>
    );
  }

  const visitType = visitTypes.data?.find((item) => item.id === visitTypeId);
  if (!visitType) {
    return (
      <CatalogEntryUnavailable
        title={title}
        section="visitTypes"
        listPath={CLINIC_VISIT_TYPES_PATH}
        query={visitTypes}
      />
    );
  }
  const initial = visitTypeFormValues(visitType);
  return (
    <Page
      title={title}
      heading={t('clinicSettings.visitTypes.editHeading', { name: visitType.name })}
    >
      <VisitTypeForm
        label={title}
        initialValues={initial}
        submitLabel={t('clinicSettings.saveChanges')}
        onSubmit={async (values) => {
          await sendChanges(changes(initial, values), (body) =>
            update.mutateAsync({ params: { path: { visitTypeId: visitType.id } }, body }),
          );
          await done(t('clinicSettings.visitTypes.saved', { name: values.name.trim() }));
        }}
      />
    </Page>
  );
}
