import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { $api } from '../../../lib/api';
import {
  useCarePoolChange,
  useCarePools,
  type UpdateCarePoolRequest,
} from '../api/clinic-settings';
import { useLocations } from '../../../lib/catalog';
import {
  CatalogEntryUnavailable,
  CatalogFormLoading,
  CatalogFormMissing,
  sendChanges,
  useBackWithMessage,
} from '../components/CatalogFormStates';
import {
  CarePoolForm,
  carePoolFormValues,
  type CarePoolFormProps,
  type CarePoolFormValues,
} from '../components/CarePoolForm';
import { CLINIC_CARE_POOLS_PATH } from '../utils/paths';

type Submitted = Parameters<CarePoolFormProps['onSubmit']>[0];

/** Only what changed; the whole clinic is a null location. */
function changes(before: CarePoolFormValues, after: Submitted): UpdateCarePoolRequest {
  const body: UpdateCarePoolRequest = {};
  if (after.name !== before.name) body.name = after.name;
  if (after.department !== before.department) body.department = after.department;
  if (after.locationId !== before.locationId) body.locationId = after.locationId || null;
  return body;
}

/** Adds a care-team pool, or changes one (`/settings/clinic/care-pools/:poolId`). */
export function CarePoolFormPage() {
  const { t } = useTranslation();
  const { poolId } = useParams();
  const pools = useCarePools();
  // The location select offers them: the form waits for them, so an edit shows its own.
  const locations = useLocations();
  const create = $api.useMutation('post', '/api/v1/care-pools', useCarePoolChange());
  const update = $api.useMutation('patch', '/api/v1/care-pools/{poolId}', useCarePoolChange());
  const title = poolId
    ? t('clinicSettings.carePools.editTitle')
    : t('clinicSettings.carePools.newTitle');

  const done = useBackWithMessage(CLINIC_CARE_POOLS_PATH);

  if (locations.isPending) return <CatalogFormLoading title={title} section="carePools" />;
  if (locations.isError) {
    return (
      <CatalogFormMissing
        title={title}
        section="carePools"
        listPath={CLINIC_CARE_POOLS_PATH}
        error={locations.error}
        onRetry={() => void locations.refetch()}
      />
    );
  }

  if (!poolId) {
    return (
      <Page title={title}>
        <CarePoolForm
          label={title}
          initialValues={carePoolFormValues()}
          submitLabel={t('clinicSettings.carePools.create')}
          onSubmit={async (values) => {
            const created = await create.mutateAsync({
              body: {
                name: values.name,
                department: values.department,
                ...(values.locationId ? { locationId: values.locationId } : {}),
              },
            });
            await done(t('clinicSettings.carePools.created', { name: created.name }));
          }}
        />
      </Page>
    );
  }

  const pool = pools.data?.find((item) => item.id === poolId);
  if (!pool) {
    return (
      <CatalogEntryUnavailable
        title={title}
        section="carePools"
        listPath={CLINIC_CARE_POOLS_PATH}
        query={pools}
      />
    );
  }

  const initial = carePoolFormValues(pool);
  return (
    <Page title={title} heading={t('clinicSettings.carePools.editHeading', { name: pool.name })}>
      <CarePoolForm
        label={title}
        initialValues={initial}
        submitLabel={t('clinicSettings.saveChanges')}
        onSubmit={async (values) => {
          await sendChanges(changes(initial, values), (body) =>
            update.mutateAsync({ params: { path: { poolId: pool.id } }, body }),
          );
          await done(t('clinicSettings.carePools.saved', { name: values.name }));
        }}
      />
    </Page>
  );
}
