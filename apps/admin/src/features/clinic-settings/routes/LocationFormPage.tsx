import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import {
  CatalogEntryUnavailable,
  sendChanges,
  useBackWithMessage,
} from '../components/CatalogFormStates';
import { useLocations } from '../../../lib/catalog';
import { $api } from '../../../lib/api';
import {
  useCatalogChange,
  type UpdateLocationRequest,
  type CreateLocationRequest,
} from '../api/clinic-settings';
import {
  LocationForm,
  locationFormValues,
  type LocationFormValues,
} from '../components/LocationForm';
import { CLINIC_LOCATIONS_PATH } from '../utils/paths';

function toRequest(values: LocationFormValues): CreateLocationRequest {
  const instructions = values.arrivalInstructions.trim();
  return {
    name: values.name.trim(),
    phone: values.phone.trim(),
    timeZone: values.timeZone,
    address: {
      line1: values.line1.trim(),
      ...(values.line2.trim() ? { line2: values.line2.trim() } : {}),
      city: values.city.trim(),
      region: values.region.trim(),
      postalCode: values.postalCode.trim(),
      country: values.country,
    },
    ...(instructions ? { arrivalInstructions: instructions } : {}),
  };
}

/** Only what changed; an emptied instruction becomes null, and the address goes whole. */
function changes(before: LocationFormValues, after: LocationFormValues): UpdateLocationRequest {
  const next = toRequest(after);
  const previous = toRequest(before);
  const body: UpdateLocationRequest = {};
  if (next.name !== previous.name) body.name = next.name;
  if (next.phone !== previous.phone) body.phone = next.phone;
  if (next.timeZone !== previous.timeZone) body.timeZone = next.timeZone;
  if (JSON.stringify(next.address) !== JSON.stringify(previous.address)) {
    body.address = { line2: null, ...next.address };
  }
  if ((next.arrivalInstructions ?? null) !== (previous.arrivalInstructions ?? null)) {
    body.arrivalInstructions = next.arrivalInstructions ?? null;
  }
  return body;
}

/** Adds a location, or changes one (`/settings/clinic/locations/:locationId`). */
export function LocationFormPage() {
  const { t } = useTranslation();
  const { locationId } = useParams();
  const locations = useLocations();
  const create = $api.useMutation('post', '/api/v1/locations', useCatalogChange('locations'));
  const update = $api.useMutation(
    'patch',
    '/api/v1/locations/{locationId}',
    useCatalogChange('locations'),
  );
  const title = locationId
    ? t('clinicSettings.locations.editTitle')
    : t('clinicSettings.locations.newTitle');

  const done = useBackWithMessage(CLINIC_LOCATIONS_PATH);

  if (!locationId) {
    return (
      <Page title={title}>
        <LocationForm
          label={title}
          initialValues={locationFormValues()}
          submitLabel={t('clinicSettings.locations.create')}
          onSubmit={async (values) => {
            const created = await create.mutateAsync({ body: toRequest(values) });
            await done(
              t('clinicSettings.locations.created', { name: created.name, zone: created.timeZone }),
            );
          }}
        />
      </Page>
    );
  }

  const location = locations.data?.find((item) => item.id === locationId);
  if (!location) {
    return (
      <CatalogEntryUnavailable
        title={title}
        section="locations"
        listPath={CLINIC_LOCATIONS_PATH}
        query={locations}
      />
    );
  }

  const initial = locationFormValues(location);
  return (
    <Page
      title={title}
      heading={t('clinicSettings.locations.editHeading', { name: location.name })}
    >
      <LocationForm
        label={title}
        initialValues={initial}
        submitLabel={t('clinicSettings.saveChanges')}
        onSubmit={async (values) => {
          await sendChanges(changes(initial, values), (body) =>
            update.mutateAsync({ params: { path: { locationId: location.id } }, body }),
          );
          await done(t('clinicSettings.locations.saved', { name: values.name.trim() }));
        }}
      />
    </Page>
  );
}
