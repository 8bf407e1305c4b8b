import { Alert, Button, deviceTimeZone, LoadingState, Skeleton, TextField } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FlashAlert } from '../../../components/FlashAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import { useFormatLocale } from '../../../lib/i18n';
import {
  BOOK_APPOINTMENT_PATH,
  CLINIC_SETTINGS_PATH,
  providerAvailabilityPath,
} from '../../../lib/paths';
import { useCurrentSession } from '../../../lib/session';
import { useLocations, useProviders, type Location, type Provider } from '../../../lib/catalog';
import { keepPreviousData } from '@tanstack/react-query';
import { $api } from '../../../lib/api';
import type { ScheduleAppointment, ScheduleHours } from '../api/schedule';
import { ActionResultMessage } from '../components/ActionResultMessage';
import { DayAgenda } from '../components/DayAgenda';
import { DayGrid } from '../components/DayGrid';
import { useScheduleShortcuts } from '../components/ScheduleShortcuts';
import '../schedule.css';
import type { ActionResult } from '../utils/action-result';
import { formatDayLong } from '../utils/format';
import {
  daysShown,
  readScheduleParams,
  scheduleSearch,
  stepDate,
  type CalendarView,
  type DayLayout,
  type ScheduleSubject,
} from '../utils/schedule-params';
import {
  addDays,
  isDate,
  startOfZonedDay,
  zoneAbbreviation,
  zonedDate,
  zonedToday,
} from '@portal/ui';

const SHORTCUTS_ID = 'schedule-shortcuts';

/** The zone a provider's days are read in: that of the first place they work. */
function providerZone(provider: Provider, locations: Location[]): string | undefined {
  for (const id of provider.locationIds) {
    const found = locations.find((location) => location.id === id);
    if (found) return found.timeZone;
  }
  return undefined;
}

/** With nothing in the address: the signed-in provider's own schedule, else the first one. */
function defaultSubject(
  providers: Provider[],
  locations: Location[],
  accountId: string,
): ScheduleSubject | null {
  const own = providers.find((provider) => provider.accountId === accountId);
  const first = own ?? providers.find((provider) => provider.active) ?? providers[0];
  if (first) return { kind: 'provider', id: first.id };
  const location = locations.find((item) => item.active) ?? locations[0];
  return location ? { kind: 'location', id: location.id } : null;
}

function groupByDay<T>(items: T[], startOf: (item: T) => string, timeZone: string) {
  const days = new Map<string, T[]>();
  for (const item of items) {
    const day = zonedDate(startOf(item), timeZone);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return days;
}

/**
 * A provider's or a location's day or week. Who, which view and which date all live in the
 * address, so Back, reload and shared links show the same days; "[" "]" "t" "d" "w" move
 * around without the mouse.
 */
export function SchedulePage() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const navigate = useNavigate();
  const { user } = useCurrentSession();
  const canBook = useCanUse('scheduleEdit');
  const canSetUp = useCanUse('clinicSettings');
  const [params] = useSearchParams();
  const locations = useLocations();
  const providers = useProviders();
  const [result, setResult] = useState<{ value: ActionResult; key: number } | null>(null);
  const [dateText, setDateText] = useState<string | null>(null);

  const read = readScheduleParams(params);
  const locationList = locations.data ?? [];
  const providerList = providers.data ?? [];
  const subject = read.subject ?? defaultSubject(providerList, locationList, user.id);
  const provider =
    subject?.kind === 'provider' ? providerList.find((item) => item.id === subject.id) : undefined;
  const location =
    subject?.kind === 'location' ? locationList.find((item) => item.id === subject.id) : undefined;
  const timeZone =
    location?.timeZone ??
    (provider ? providerZone(provider, locationList) : undefined) ??
    locationList.find((item) => item.active)?.timeZone ??
    deviceTimeZone();
  const today = zonedToday(timeZone);
  const date = read.date ?? today;
  const view = read.view;
  const days = daysShown(view, date);
  const first = days[0] ?? date;
  const last = days[days.length - 1] ?? date;

  const catalogReady = locations.isSuccess && providers.isSuccess;
  // One provider's or location's days: from local midnight of the first day shown to that of
  // the day after the last. The previous days stay on screen while the next ones load.
  const schedule = $api.useQuery(
    'get',
    '/api/v1/schedule',
    {
      params: {
        query: {
          ...(subject?.kind === 'provider'
            ? { providerId: subject.id }
            : subject
              ? { locationId: subject.id }
              : {}),
          from: startOfZonedDay(first, timeZone),
          to: startOfZonedDay(addDays(last, 1), timeZone),
          ...(read.includeCancelled ? { includeCancelled: true } : {}),
        },
      },
    },
    { enabled: catalogReady && subject !== null, placeholderData: keepPreviousData },
  );

  const go = (
    changes: Partial<{
      subject: ScheduleSubject;
      view: CalendarView;
      date: string;
      includeCancelled: boolean;
      layout: DayLayout;
    }>,
  ) => {
    if (!subject) return;
    setDateText(null);
    void navigate({
      search: scheduleSearch({
        subject,
        view,
        date,
        includeCancelled: read.includeCancelled,
        layout: read.layout,
        ...changes,
      }),
    });
  };

  useScheduleShortcuts({
    previous: () => go({ date: stepDate(view, date, -1) }),
    next: () => go({ date: stepDate(view, date, 1) }),
    today: () => go({ date: today }),
    day: () => go({ view: 'day' }),
    week: () => go({ view: 'week' }),
  });

  const onResult = (value: ActionResult) =>
    setResult((previous) => ({ value, key: (previous?.key ?? 0) + 1 }));

  const subjectName = provider?.displayName ?? location?.name ?? '';
  const locationMap = new Map(locationList.map((item) => [item.id, item]));
  const zoneName = zoneAbbreviation(startOfZonedDay(date, timeZone), timeZone, locale);
  const rangeText =
    view === 'day'
      ? formatDayLong(date, timeZone, locale)
      : t('schedule.calendar.weekRange', {
          from: formatDayLong(first, timeZone, locale),
          to: formatDayLong(last, timeZone, locale),
        });

  const appointmentsByDay = groupByDay<ScheduleAppointment>(
    schedule.data?.items ?? [],
    (item) => item.startsAt,
    timeZone,
  );
  const hoursByDay = groupByDay<ScheduleHours>(
    schedule.data?.hours ?? [],
    (item) => item.startsAt,
    timeZone,
  );

  // A location's single day can be seen across its providers as a time grid.
  const gridAvailable = location !== undefined && view === 'day';
  const showGrid = gridAvailable && read.layout === 'grid';

  const subjectValue = subject ? `${subject.kind}:${subject.id}` : '';
  const bookSearch = new URLSearchParams({ date });
  if (subject) bookSearch.set(subject.kind, subject.id);

  let body;
  if (locations.isPending || providers.isPending) {
    body = (
      <LoadingState label={t('schedule.page.loading')}>
        <Skeleton height="3rem" />
        <Skeleton height="6rem" />
      </LoadingState>
    );
  } else if (locations.isError || providers.isError) {
    const error = locations.error ?? providers.error;
    body = (
      <ApiErrorAlert
        error={error}
        onRetry={() => {
          void locations.refetch();
          void providers.refetch();
        }}
      />
    );
  } else if (!subject) {
    body = (
      <Alert tone="info" announce={false} title={t('schedule.page.emptyTitle')}>
        <p>{t('schedule.page.empty')}</p>
        {canSetUp ? (
          <p>
            <Link to={CLINIC_SETTINGS_PATH}>{t('schedule.page.setUp')}</Link>
          </p>
        ) : null}
      </Alert>
    );
  } else {
    body = (
      <>
        <div
          className="schedule-toolbar"
          role="group"
          aria-label={t('schedule.toolbar.label')}
          aria-describedby={SHORTCUTS_ID}
        >
          <div className="ui-field schedule-toolbar__who">
            <label className="ui-field__label" htmlFor="schedule-subject">
              {t('schedule.toolbar.subject')}
            </label>
            <select
              id="schedule-subject"
              className="admin-select"
              value={subjectValue}
              onChange={(event) => {
                const [kind, id] = event.target.value.split(':');
                if ((kind === 'provider' || kind === 'location') && id) {
                  go({ subject: { kind, id } });
                }
              }}
            >
              {providerList.length > 0 ? (
                <optgroup label={t('schedule.toolbar.providers')}>
                  {providerList.map((item) => (
                    <option key={item.id} value={`provider:${item.id}`}>
                      {item.active
                        ? item.displayName
                        : t('schedule.toolbar.inactive', { name: item.displayName })}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {locationList.length > 0 ? (
                <optgroup label={t('schedule.toolbar.locations')}>
                  {locationList.map((item) => (
                    <option key={item.id} value={`location:${item.id}`}>
                      {item.active
                        ? item.name
                        : t('schedule.toolbar.inactive', { name: item.name })}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
          <TextField
            name="date"
            type="date"
            label={t('schedule.toolbar.date')}
            className="schedule-toolbar__date"
            value={dateText ?? date}
            onChange={(event) => {
              setDateText(event.target.value);
              if (isDate(event.target.value)) go({ date: event.target.value });
            }}
          />
          <div className="schedule-toolbar__buttons">
            <div
              className="schedule-toolbar__segment"
              role="group"
              aria-label={t('schedule.toolbar.view')}
            >
              <Button
                variant={view === 'day' ? 'primary' : 'secondary'}
                aria-pressed={view === 'day'}
                aria-keyshortcuts="d"
                onClick={() => go({ view: 'day' })}
              >
                {t('schedule.toolbar.day')}
              </Button>
              <Button
                variant={view === 'week' ? 'primary' : 'secondary'}
                aria-pressed={view === 'week'}
                aria-keyshortcuts="w"
                onClick={() => go({ view: 'week' })}
              >
                {t('schedule.toolbar.week')}
              </Button>
            </div>
            <div className="schedule-toolbar__segment">
              <Button
                variant="secondary"
                aria-keyshortcuts="["
                onClick={() => go({ date: stepDate(view, date, -1) })}
              >
                {view === 'week'
                  ? t('schedule.toolbar.previousWeek')
                  : t('schedule.toolbar.previousDay')}
              </Button>
              <Button variant="secondary" aria-keyshortcuts="t" onClick={() => go({ date: today })}>
                {t('schedule.toolbar.today')}
              </Button>
              <Button
                variant="secondary"
                aria-keyshortcuts="]"
                onClick={() => go({ date: stepDate(view, date, 1) })}
              >
                {view === 'week' ? t('schedule.toolbar.nextWeek') : t('schedule.toolbar.nextDay')}
              </Button>
            </div>
          </div>
          {gridAvailable ? (
            <div
              className="schedule-toolbar__segment"
              role="group"
              aria-label={t('schedule.grid.layout')}
            >
              <Button
                variant={showGrid ? 'primary' : 'secondary'}
                aria-pressed={showGrid}
                onClick={() => go({ layout: 'grid' })}
              >
                {t('schedule.grid.showGrid')}
              </Button>
              <Button
                variant={showGrid ? 'secondary' : 'primary'}
                aria-pressed={!showGrid}
                onClick={() => go({ layout: 'list' })}
              >
                {t('schedule.grid.showList')}
              </Button>
            </div>
          ) : null}
          <label className="admin-check schedule-toolbar__cancelled">
            <input
              type="checkbox"
              checked={read.includeCancelled}
              onChange={(event) => go({ includeCancelled: event.target.checked })}
            />
            <span>{t('schedule.toolbar.showCancelled')}</span>
          </label>
        </div>
        <p id={SHORTCUTS_ID} className="ui-visually-hidden">
          {t('schedule.toolbar.shortcuts')}
        </p>
        <div className="admin-page-actions">
          {canBook ? (
            <Link
              className="ui-button ui-button--primary"
              to={{ pathname: BOOK_APPOINTMENT_PATH, search: bookSearch.toString() }}
            >
              {t('schedule.page.book')}
            </Link>
          ) : null}
          {provider ? (
            <Link
              className="ui-button ui-button--secondary"
              to={providerAvailabilityPath(provider.id)}
            >
              {canBook ? t('schedule.page.editHours') : t('schedule.page.viewHours')}
            </Link>
          ) : null}
        </div>
        <p role="status" className="schedule-summary">
          {t('schedule.calendar.summary', {
            who: subjectName,
            range: rangeText,
            zone: zoneName,
            timeZone,
          })}
        </p>
        {result ? <ActionResultMessage result={result.value} focusKey={result.key} /> : null}
        {schedule.isPending ? (
          <LoadingState label={t('schedule.calendar.loading')}>
            <Skeleton height="6rem" />
            <Skeleton height="6rem" />
          </LoadingState>
        ) : schedule.isError ? (
          <ApiErrorAlert error={schedule.error} onRetry={() => void schedule.refetch()} />
        ) : (
          <>
            {schedule.data.truncated ? (
              <Alert tone="warning" title={t('schedule.calendar.truncatedTitle')}>
                <p>{t('schedule.calendar.truncated')}</p>
              </Alert>
            ) : null}
            {showGrid && location ? (
              <div aria-busy={schedule.isPlaceholderData || undefined}>
                <DayGrid
                  date={date}
                  timeZone={timeZone}
                  zoneName={zoneName}
                  locationId={location.id}
                  locationName={location.name}
                  appointments={schedule.data.items}
                  hours={schedule.data.hours}
                  providers={providerList}
                  canBook={canBook}
                />
              </div>
            ) : (
              <div
                className={`schedule-days schedule-days--${view}`}
                aria-busy={schedule.isPlaceholderData || undefined}
              >
                {days.map((day) => (
                  <DayAgenda
                    key={day}
                    date={day}
                    timeZone={timeZone}
                    appointments={appointmentsByDay.get(day) ?? []}
                    hours={hoursByDay.get(day) ?? []}
                    locations={locationMap}
                    by={subject.kind}
                    compact={view === 'week'}
                    today={day === today}
                    onResult={onResult}
                  />
                ))}
              </div>
            )}
          </>
        )}
      </>
    );
  }

  return (
    <Page title={t('schedule.page.title')}>
      <FlashAlert />
      {body}
    </Page>
  );
}
