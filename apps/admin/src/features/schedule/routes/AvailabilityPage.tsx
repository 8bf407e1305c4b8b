import { deviceTimeZone, LoadingState, Skeleton } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import { SCHEDULE_PATH } from '../../../lib/paths';
import { $api } from '../../../lib/api';
import type { ScheduleConflict } from '../api/schedule';
import { useLocations, useProviders } from '../../../lib/catalog';
import { ConflictAlert, ConflictList } from '../components/ConflictList';
import { ExceptionsSection } from '../components/ExceptionsSection';
import { WeeklyHoursEditor, WeeklyHoursTable } from '../components/WeeklyHoursEditor';
import '../schedule.css';

interface Outcome {
  text: string;
  conflicts: ScheduleConflict[];
  key: number;
}

/**
 * One provider's hours: the weekly pattern, time off and extra hours, and the booked
 * appointments that fall outside them. Front desk and admins change them; everyone else who
 * works the schedule reads them.
 */
export function AvailabilityPage() {
  const { t } = useTranslation();
  const { providerId = '' } = useParams();
  const canEdit = useCanUse('scheduleEdit');
  const providers = useProviders();
  const locations = useLocations();
  const forProvider = { params: { path: { providerId } } };
  const availability = $api.useQuery(
    'get',
    '/api/v1/providers/{providerId}/availability',
    forProvider,
  );
  const conflicts = $api.useQuery('get', '/api/v1/providers/{providerId}/conflicts', forProvider);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const provider = providers.data?.find((item) => item.id === providerId);
  const locationList = locations.data ?? [];
  const locationMap = new Map(locationList.map((location) => [location.id, location]));
  const zone =
    provider?.locationIds.map((id) => locationMap.get(id)?.timeZone).find(Boolean) ??
    locationList.find((location) => location.active)?.timeZone ??
    deviceTimeZone();

  const report = (text: string, found: ScheduleConflict[]) =>
    setOutcome((previous) => ({ text, conflicts: found, key: (previous?.key ?? 0) + 1 }));

  const title = t('schedule.availability.title');
  const heading = provider
    ? t('schedule.availability.heading', { name: provider.displayName })
    : title;

  if (availability.isPending || providers.isPending || locations.isPending) {
    return (
      <Page title={title}>
        <LoadingState label={t('schedule.availability.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="8rem" />
        </LoadingState>
      </Page>
    );
  }

  if (availability.isError || providers.isError || locations.isError) {
    return (
      <Page title={title}>
        <ApiErrorAlert
          error={availability.error ?? providers.error ?? locations.error}
          onRetry={() => void availability.refetch()}
        />
        <p>
          <Link to={SCHEDULE_PATH}>{t('schedule.availability.back')}</Link>
        </p>
      </Page>
    );
  }

  const rules = availability.data.rules;
  return (
    <Page title={title} heading={heading}>
      <p>
        <Link
          to={{
            pathname: SCHEDULE_PATH,
            search: new URLSearchParams({ provider: providerId }).toString(),
          }}
        >
          {t('schedule.availability.toSchedule')}
        </Link>
      </p>
      {outcome ? (
        outcome.conflicts.length > 0 ? (
          <ActionMessage plain focusKey={outcome.key}>
            <ConflictAlert
              conflicts={outcome.conflicts}
              locations={locationMap}
              fallbackZone={zone}
            />
          </ActionMessage>
        ) : (
          <ActionMessage focusKey={outcome.key}>{outcome.text}</ActionMessage>
        )
      ) : null}

      <section className="schedule-section" aria-labelledby="weekly-hours-heading">
        <h2 id="weekly-hours-heading">{t('schedule.hours.title')}</h2>
        <p>{t('schedule.hours.intro')}</p>
        {canEdit ? (
          <WeeklyHoursEditor
            key={rules.map((rule) => rule.id).join(',')}
            providerId={providerId}
            rules={rules}
            locations={locationList}
            onSaved={(found) => report(t('schedule.hours.saved'), found)}
          />
        ) : (
          <WeeklyHoursTable rules={rules} locations={locationMap} />
        )}
      </section>

      <section className="schedule-section" aria-labelledby="exceptions-heading">
        <h2 id="exceptions-heading">{t('schedule.exceptions.title')}</h2>
        <p>{t('schedule.exceptions.intro')}</p>
        <ExceptionsSection
          providerId={providerId}
          exceptions={availability.data.exceptions}
          locations={locationList}
          providerZone={zone}
          editable={canEdit}
          onChanged={({ text, conflicts: found }) => report(text, found)}
        />
      </section>

      <section className="schedule-section" aria-labelledby="conflicts-heading">
        <h2 id="conflicts-heading">{t('schedule.conflicts.title')}</h2>
        {conflicts.isPending ? (
          <LoadingState label={t('schedule.conflicts.loading')}>
            <Skeleton height="2rem" />
          </LoadingState>
        ) : conflicts.isError ? (
          <ApiErrorAlert error={conflicts.error} onRetry={() => void conflicts.refetch()} />
        ) : conflicts.data.items.length === 0 ? (
          <p>{t('schedule.conflicts.none')}</p>
        ) : (
          <>
            <p>{t('schedule.conflicts.count', { count: conflicts.data.items.length })}</p>
            <ConflictList
              conflicts={conflicts.data.items}
              locations={locationMap}
              fallbackZone={zone}
            />
          </>
        )}
      </section>
    </Page>
  );
}
