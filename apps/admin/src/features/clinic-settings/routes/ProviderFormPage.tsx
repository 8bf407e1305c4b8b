import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Page } from '../../../components/Page';
import { flashState } from '../../../lib/flash';
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
  const navigate = useNavigate();
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

  const done = (message: string) =>
    navigate(CLINIC_PROVIDERS_PATH, { flushSync: true, state: flashState(message) });

  if (visitTypes.isPending || accounts.isPending || (providerId && providers.isPending)) {
    return (
      <Page title={title}>
        <LoadingState label={t('clinicSettings.providers.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="8rem" />
        </LoadingState>
      </Page>
    );
  }
  const failed = visitTypes.error ?? accounts.error ?? (providerId ? providers.error : null);
  if (failed) {
    return (
      <Page title={title}>
        <ApiErrorAlert error={failed} />
        <p>
          <Link to={CLINIC_PROVIDERS_PATH}>{t('clinicSettings.backToSettings')}</Link>
        </p>
      </Page>
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
      <Page title={title}>
        <p>{t('clinicSettings.providers.notFound')}</p>
        <p>
          <Link to={CLINIC_PROVIDERS_PATH}>{t('clinicSettings.backToSettings')}</Link>
        </p>
      </Page>
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
          const body = changes(initial, values);
          if (Object.keys(body).length > 0) {
            await update.mutateAsync({
              params: { path: { providerId: provider.id } },
              body,
            });
          }
          await done(t('clinicSettings.providers.saved', { name: values.displayName.trim() }));
        }}
      />
    </Page>
  );
}
