import {
  addDays,
  Alert,
  Button,
  ErrorSummary,
  formatDate,
  isDate,
  LoadingState,
  SelectField,
  Skeleton,
  startOfZonedDay,
  TextField,
} from '@portal/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import {
  OPEN_SLOTS_LIMIT,
  SEARCH_DAYS,
  useProviders,
  useTimeSearch,
  type Location,
  type OpenSlot,
  type Provider,
  type TimeWindow,
} from '../api';
import type { TimeSearch } from '../utils/search-params';
import { shownTimes } from '../utils/shown-times';
import { SlotDays } from './SlotDays';

export interface TimePickerProps {
  visitTypeId: string;
  search: TimeSearch;
  /** New choices; the page keeps them in the address. */
  onSearch: (search: TimeSearch) => void;
  /** The query string of the step that reviews this time. */
  timeLink: (slot: OpenSlot) => string;
}

/**
 * Open times for one kind of visit: narrowed by provider, location and first day, shown one day
 * at a time (a strip of days, the first with times chosen), by location in its own time zone.
 * Each time is a link to the review step, so Back returns here. The header names the days
 * actually shown, and "later" starts on the day after them.
 */
export function TimePicker({ visitTypeId, search, onSearch, timeLink }: TimePickerProps) {
  const { t } = useTranslation();
  const providers = useProviders(visitTypeId);
  const { locations, range, slots } = useTimeSearch(visitTypeId, search);
  const titleId = useId();
  const shown = range && slots.data ? shownTimes(range, slots.data, OPEN_SLOTS_LIMIT) : null;

  const move = (firstDay: string) => {
    if (!range) {
      return;
    }
    onSearch({ ...search, from: firstDay === range.today ? undefined : firstDay });
  };

  return (
    <>
      <section aria-labelledby={titleId} className="appointments-times">
        <h2 id={titleId}>{t('appointments.picker.resultsTitle')}</h2>
        {range && shown ? (
          <p aria-live="polite">
            <RangeText range={range} lastDay={shown.lastDay} />
          </p>
        ) : null}
        {locations.isError || slots.isError ? (
          <Alert tone="error" title={t('appointments.picker.loadFailedTitle')}>
            <p>{t('appointments.picker.loadFailed')}</p>
            <Button
              variant="secondary"
              onClick={() => void (locations.isError ? locations.refetch() : slots.refetch())}
            >
              {t('common.tryAgain')}
            </Button>
          </Alert>
        ) : !range || !slots.data ? (
          <LoadingState label={t('appointments.picker.loading')}>
            <Skeleton width="40%" height="1.5rem" />
            <Skeleton height="3rem" />
            <Skeleton height="3rem" />
            <Skeleton width="40%" height="1.5rem" />
            <Skeleton height="3rem" />
          </LoadingState>
        ) : slots.data.length === 0 ? (
          <>
            <p>{t('appointments.picker.none')}</p>
            <p>{t('appointments.picker.noneHelp')}</p>
          </>
        ) : (
          <SlotDays
            // A new answer starts again from its first day with times.
            key={`${range.firstDay}|${shown!.lastDay}|${slots.data.length}`}
            days={shown!.days}
            timeZone={range.timeZone}
            locations={locations.data ?? []}
            timeLink={timeLink}
          />
        )}
        {range && shown ? (
          <div className="ui-actions">
            <Button variant="secondary" onClick={() => move(shown.nextDay)}>
              {t('appointments.picker.later')}
            </Button>
            {range.firstDay > range.today ? (
              <Button
                variant="secondary"
                onClick={() => {
                  const earlier = addDays(range.firstDay, -SEARCH_DAYS);
                  move(earlier < range.today ? range.today : earlier);
                }}
              >
                {t('appointments.picker.earlier')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </section>
      {/* After the times, so the first time is a few Tab stops from the step's heading. */}
      <SearchForm
        // A new address (Back, "next 2 weeks") starts the form again from it; the times
        // arriving do not, so what was typed while they loaded stays.
        key={`${search.providerId ?? ''}|${search.locationId ?? ''}|${search.from ?? ''}`}
        search={search}
        range={range}
        providers={providers.data ?? []}
        locations={locations.data ?? []}
        onSearch={onSearch}
      />
    </>
  );
}

function RangeText({ range, lastDay }: { range: TimeWindow; lastDay: string }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const day = (date: string) =>
    formatDate(startOfZonedDay(date, range.timeZone), range.timeZone, locale);
  return (
    <>
      {t('appointments.picker.range', { from: day(range.firstDay), to: day(lastDay) })}{' '}
      {t('appointments.picker.zoneHint')}
    </>
  );
}

const FROM_ID = 'time-search-from';

interface SearchFormProps {
  search: TimeSearch;
  range: TimeWindow | null;
  providers: readonly Provider[];
  locations: readonly Location[];
  onSearch: (search: TimeSearch) => void;
}

/** Provider, location and first day; the times change when the form is sent, not on each pick. */
function SearchForm({ search, range, providers, locations, onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const [providerId, setProviderId] = useState(search.providerId ?? '');
  const [locationId, setLocationId] = useState(search.locationId ?? '');
  // Untouched, the field shows the first day looked at, known once the locations are in.
  const [typedFrom, setFrom] = useState<string | null>(null);
  const from = typedFrom ?? range?.firstDay ?? search.from ?? '';
  const [fromError, setFromError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const headingId = useId();

  // Offer the providers who work at the chosen location and the locations of the chosen
  // provider, so a search cannot be set up to find nothing; a choice already made stays listed.
  const provider = providers.find((candidate) => candidate.id === providerId);
  const providerOptions = providers.filter(
    (candidate) =>
      !locationId || candidate.id === providerId || candidate.locationIds.includes(locationId),
  );
  const locationOptions = locations.filter(
    (candidate) =>
      !provider || candidate.id === locationId || provider.locationIds.includes(candidate.id),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    const day = from.trim() || range?.today || '';
    if (!isDate(day) || (range && day < range.today)) {
      setFromError(t('appointments.picker.fromInvalid'));
      return;
    }
    setFromError(null);
    onSearch({
      providerId: providerId || undefined,
      locationId: locationId || undefined,
      from: range && day === range.today ? undefined : day,
    });
  };

  return (
    <form noValidate className="appointments-search" aria-labelledby={headingId} onSubmit={submit}>
      <h2 id={headingId}>{t('appointments.picker.formLabel')}</h2>
      {fromError ? (
        <ErrorSummary
          title={t('common.errors.summaryTitle')}
          errors={[{ message: fromError, targetId: FROM_ID }]}
          focusKey={attempt}
        />
      ) : null}
      <SelectField
        id="time-search-provider"
        label={t('appointments.picker.provider')}
        value={providerId}
        onChange={(event) => setProviderId(event.target.value)}
        emptyOption={t('appointments.picker.anyProvider')}
        options={providerOptions.map((option) => ({
          value: option.id,
          label: option.specialty
            ? `${option.displayName}, ${option.specialty}`
            : option.displayName,
        }))}
      />
      <SelectField
        id="time-search-location"
        label={t('appointments.picker.location')}
        value={locationId}
        onChange={(event) => setLocationId(event.target.value)}
        emptyOption={t('appointments.picker.anyLocation')}
        options={locationOptions.map((option) => ({ value: option.id, label: option.name }))}
      />
      <TextField
        id={FROM_ID}
        name="from"
        type="date"
        label={t('appointments.picker.from')}
        hint={t('appointments.picker.fromHint')}
        min={range?.today}
        value={from}
        onChange={(event) => setFrom(event.target.value)}
        error={fromError ?? undefined}
        className="appointments-date"
      />
      <Button type="submit" variant="secondary">
        {t('appointments.picker.search')}
      </Button>
    </form>
  );
}
