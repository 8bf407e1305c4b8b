import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import {
  CatalogFormLoading,
  CatalogFormMissing,
  sendChanges,
  useBackWithMessage,
} from '../components/CatalogFormStates';
import { useProviderAccounts } from '../api/clinic-settings';
import { useProviders, useVisitTypes } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import { useCatalogChange, type UpdateProviderRequest } from '../api/clinic-settings';
import {
  ProviderForm,
  providerFormValues,
  type ProviderFormValues,
} from '../components/ProviderForm';
import { CLINIC_PROVIDERS_PATH } from '../utils/paths';

/** Only what changed; an emptied biography or account becomes null. */
function changes(before: ProviderFormValues, after: ProviderFormValues): UpdateProviderRequest {
  const body: UpdateProviderRequest = {};
  if (after.displayName.trim() !== before.displayName) body.displayName = after.displayName.trim();
  if (after.specialty.trim() !== before.specialty) body.specialty = after.specialty.trim();
  if (after.bio.trim() !== before.bio) body.bio = after.bio.trim() || null;
  if (after.accountId !== before.accountId) body.accountId = after.accountId || null;
  if (after.visitTypeIds.join() !== before.visitTypeIds.join()) {
    body.visitTypeIds = after.visitTypeIds;
  }
  return body;
}

/** Adds a provider, or changes one (`/settings/clinic/providers/:providerId`). */
export function ProviderFormPage() {
  const { t } = useTranslation();
  const { providerId } = useParams();
  const providers = useProviders();
  const visitTypes = useVisitTypes();
  const accounts = useProviderAccounts();
  const create = $api.useMutation('post', '/api/v1/providers', useCatalogChange('providers'));
  const update = $api.useMutation(
    'patch',
    '/api/v1/providers/{providerId}',
    useCatalogChange('providers'),
  );
  const title = providerId
    ? t('clinicSettings.providers.editTitle')
    : t('clinicSettings.providers.newTitle');

  const done = useBackWithMessage(CLINIC_PROVIDERS_PATH);

  if (visitTypes.isPending || accounts.isPending || (providerId && providers.isPending)) {
    return <CatalogFormLoading title={title} section="providers" />;
  }
  const failed = visitTypes.error ?? accounts.error ?? (providerId ? providers.error : null);
  if (failed) {
    return (
      <CatalogFormMissing
        title={title}
        section="providers"
        listPath={CLINIC_PROVIDERS_PATH}
        error={failed}
      />
    );
  }

  const common = {
    label: title,
    visitTypes: visitTypes.data ?? [],
    accounts: accounts.data ?? [],
  };

  if (!providerId) {
    return (
      <Page title={title}>
        <ProviderForm
          {...common}
          initialValues={providerFormValues()}
          submitLabel={t('clinicSettings.providers.create')}
          onSubmit={async (values) => {
            const bio = values.bio.trim();
            const created = await create.mutateAsync({
              body: {
                displayName: values.displayName.trim(),
                specialty: values.specialty.trim(),
                ...(bio ? { bio } : {}),
                ...(values.accountId ? { accountId: values.accountId } : {}),
                visitTypeIds: values.visitTypeIds,
              },
            });
            await done(t('clinicSettings.providers.created', { name: created.displayName }));
          }}
        />
      </Page>
    );
  }

  const provider = providers.data?.find((item) => item.id === providerId);
  if (!provider) {
    return (
      <CatalogFormMissing title={title} section="providers" listPath={CLINIC_PROVIDERS_PATH} />
    );
  }
  const initial = providerFormValues(provider);
  return (
    <Page
      title={title}
      heading={t('clinicSettings.providers.editHeading', { name: provider.displayName })}
    >
      <ProviderForm
        {...common}
        initialValues={initial}
        submitLabel={t('clinicSettings.saveChanges')}
        onSubmit={async (values) => {
          await sendChanges(changes(initial, values), (body) =>
            update.mutateAsync({ params: { path: { providerId: provider.id } }, body }),
          );
          await done(t('clinicSettings.providers.saved', { name: values.displayName.trim() }));
        }}
      />
    </Page>
  );
}
