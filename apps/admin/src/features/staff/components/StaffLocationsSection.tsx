import { Button, LoadingState, Skeleton } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { $api } from '../../../lib/api';
import { useLocations, type Location } from '../../../lib/catalog';
import {
  STAFF_LOCATIONS_PATH,
  useStaffLocations,
  useStaffLocationsChange,
  type StaffLocations,
} from '../api/staff';

function LocationsForm({
  accountId,
  locations,
  current,
}: {
  accountId: string;
  locations: Location[];
  current: StaffLocations;
}) {
  const { t } = useTranslation();
  const save = $api.useMutation('put', STAFF_LOCATIONS_PATH, useStaffLocationsChange());
  const [chosen, setChosen] = useState(() => new Set(current.assigned.map((item) => item.id)));
  const [saved, setSaved] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save.mutateAsync({
        params: { path: { accountId } },
        body: { locationIds: [...chosen] },
      });
      setSaved((count) => count + 1);
    } catch {
      // The error is shown below the list.
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {saved > 0 ? (
        <ActionMessage focusKey={saved}>{t('staff.locations.saved')}</ActionMessage>
      ) : null}
      <fieldset className="ui-field">
        <legend className="ui-field__label">{t('staff.locations.legend')}</legend>
        <p className="ui-field__hint">{t('staff.locations.hint')}</p>
        {locations.length === 0 ? <p>{t('staff.locations.noLocations')}</p> : null}
        <ul className="admin-checks">
          {locations.map((location) => (
            <li key={location.id}>
              <label className="admin-check">
                <input
                  type="checkbox"
                  name="locationIds"
                  value={location.id}
                  checked={chosen.has(location.id)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(location.id);
                    else next.delete(location.id);
                    setChosen(next);
                  }}
                />
                <span>{location.name}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {current.practice.length > 0 ? (
        <p>
          {t('staff.locations.practice', {
            names: current.practice.map((item) => item.name).join(', '),
          })}
        </p>
      ) : null}
      {save.error ? <ApiErrorAlert error={save.error} /> : null}
      <div className="ui-actions">
        <Button type="submit" variant="secondary" busy={save.isPending}>
          {save.isPending ? t('sections.saving') : t('staff.locations.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Where a staff member works: clinical staff reach the records of patients seen at these
 * locations (minimum necessary access). Saved on its own, beside the account's details.
 */
export function StaffLocationsSection({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const current = useStaffLocations(accountId);
  const locations = useLocations();
  return (
    <section aria-labelledby="staff-locations-heading">
      <h2 id="staff-locations-heading">{t('staff.locations.title')}</h2>
      {current.isPending || locations.isPending ? (
        <LoadingState label={t('staff.locations.loading')}>
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : current.isError || locations.isError ? (
        <ApiErrorAlert
          error={current.error ?? locations.error}
          onRetry={() => {
            void current.refetch();
            void locations.refetch();
          }}
        />
      ) : (
        <LocationsForm accountId={accountId} locations={locations.data} current={current.data} />
      )}
    </section>
  );
}
