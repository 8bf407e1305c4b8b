import { Button, LoadingState, Skeleton, TextField } from '@portal/ui';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useFormatLocale } from '../../../lib/i18n';
import { keepPreviousData } from '@tanstack/react-query';
import { $api } from '../../../lib/api';
import { SLOT_LIMIT, type OpenSlot } from '../api/schedule';
import { formatClock, formatDayLong } from '../utils/format';
import {
  addDays,
  isDate,
  startOfZonedDay,
  zoneAbbreviation,
  zonedDate,
  zonedToday,
} from '@portal/ui';

/** Open times are asked for two weeks at a time (the API allows up to 31 days). */
const RANGE_DAYS = 14;

export function slotKey(slot: OpenSlot): string {
  return `${slot.startsAt}|${slot.provider.id}|${slot.location.id}`;
}

export interface SlotFinderProps {
  visitTypeId: string;
  providerId?: string;
  locationId?: string;
  /** The zone the "from" date is read in (the provider's or location's). */
  timeZone: string;
  /** The first day to look from, YYYY-MM-DD. */
  initialFrom: string;
  /** The chosen slot's key (see slotKey), or ''. */
  value: string;
  onChange: (slot: OpenSlot | null) => void;
  /** Shown when no time was chosen on submit. */
  error?: string;
  /** Id given to the first radio button, so an error summary can link to it. */
  firstInputId: string;
  /** The slot being replaced (moving an appointment): not offered again. */
  excludeStartsAt?: string;
  /**
   * A time asked for (booking from an empty cell of the day grid, ISO): once the open times
   * load, the first at or after it on that day is chosen, if nothing is chosen yet.
   */
  preferStartsAt?: string;
}

/**
 * Open times for a visit type, two weeks at a time from a chosen day, grouped by day as radio
 * buttons (one name, so the arrow keys move through them). Each time is written in its
 * location's zone, with the zone named.
 */
export function SlotFinder({
  visitTypeId,
  providerId,
  locationId,
  timeZone,
  initialFrom,
  value,
  onChange,
  error,
  firstInputId,
  excludeStartsAt,
  preferStartsAt,
}: SlotFinderProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [from, setFrom] = useState(initialFrom);
  const [fromText, setFromText] = useState(initialFrom);
  const name = useId();
  const errorId = `${firstInputId}-error`;

  const query = visitTypeId
    ? {
        visitTypeId,
        providerId: providerId || undefined,
        locationId: locationId || undefined,
        from: startOfZonedDay(from, timeZone),
        to: startOfZonedDay(addDays(from, RANGE_DAYS), timeZone),
      }
    : null;
  // Earliest first; open times go quickly, so the picker always asks again when it opens.
  const slots = $api.useQuery(
    'get',
    '/api/v1/slots',
    {
      params: { query: { ...(query ?? { visitTypeId: '', from: '', to: '' }), limit: SLOT_LIMIT } },
    },
    { enabled: query !== null, staleTime: 0, placeholderData: keepPreviousData },
  );
  const items = (slots.data?.items ?? []).filter((slot) => slot.startsAt !== excludeStartsAt);

  // The time asked for is offered once, when its open times first arrive.
  const [preferred, setPreferred] = useState(preferStartsAt);
  useEffect(() => {
    if (!preferred || !slots.isSuccess || slots.isPlaceholderData) return;
    setPreferred(undefined);
    const day = zonedDate(preferred, timeZone);
    const match = items.find(
      (slot) => slot.startsAt >= preferred && zonedDate(slot.startsAt, timeZone) === day,
    );
    if (match && !value) onChange(match);
  }, [preferred, slots.isSuccess, slots.isPlaceholderData, items, timeZone, value, onChange]);

  const days = new Map<string, OpenSlot[]>();
  for (const slot of items) {
    const day = zonedDate(slot.startsAt, slot.location.timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  const providers = new Set(items.map((slot) => slot.provider.id));
  const locations = new Set(items.map((slot) => slot.location.id));

  const move = (next: string) => {
    setFrom(next);
    setFromText(next);
    onChange(null);
  };

  const last = addDays(from, RANGE_DAYS - 1);
  // Nothing before today is open: going back stops there.
  const today = zonedToday(timeZone);

  return (
    <div className="schedule-slots">
      <div className="schedule-slots__range">
        <TextField
          name="slotsFrom"
          type="date"
          label={t('schedule.slots.from')}
          hint={t('schedule.slots.fromHint', { days: RANGE_DAYS })}
          value={fromText}
          onChange={(event) => {
            setFromText(event.target.value);
            if (isDate(event.target.value)) move(event.target.value);
          }}
        />
        <div className="ui-actions">
          <Button
            variant="secondary"
            onClick={() => {
              const earlier = addDays(from, -RANGE_DAYS);
              move(earlier > today ? earlier : today);
            }}
          >
            {t('schedule.slots.earlier')}
          </Button>
          <Button variant="secondary" onClick={() => move(addDays(from, RANGE_DAYS))}>
            {t('schedule.slots.later')}
          </Button>
        </div>
      </div>
      {!visitTypeId ? (
        <p className="admin-muted">{t('schedule.slots.chooseVisitType')}</p>
      ) : slots.isPending ? (
        <LoadingState label={t('schedule.slots.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : slots.isError ? (
        <ApiErrorAlert error={slots.error} onRetry={() => void slots.refetch()} />
      ) : (
        <fieldset
          className={['schedule-slots__group', error ? 'ui-field--invalid' : '']
            .filter(Boolean)
            .join(' ')}
          aria-describedby={error ? errorId : undefined}
          aria-busy={slots.isFetching || undefined}
        >
          <legend>
            {t('schedule.slots.legend', {
              from: formatDayLong(from, timeZone, locale),
              to: formatDayLong(last, timeZone, locale),
            })}
          </legend>
          {error ? (
            <p className="ui-field__error" id={errorId}>
              {error}
            </p>
          ) : null}
          {items.length === 0 ? (
            <p role="status">{t('schedule.slots.none')}</p>
          ) : (
            [...days.entries()].map(([day, daySlots], dayIndex) => {
              const zone = daySlots[0]?.location.timeZone ?? timeZone;
              return (
                <div
                  key={day}
                  className="schedule-slots__day"
                  role="group"
                  aria-label={formatDayLong(day, zone, locale)}
                >
                  <p className="schedule-slots__day-name" aria-hidden="true">
                    {formatDayLong(day, zone, locale)}
                  </p>
                  <ul className="schedule-slots__list">
                    {daySlots.map((slot, index) => {
                      const key = slotKey(slot);
                      const extra = [
                        providers.size > 1 ? slot.provider.displayName : null,
                        locations.size > 1 ? slot.location.name : null,
                      ].filter(Boolean);
                      return (
                        <li key={key}>
                          <label className="schedule-slot">
                            <input
                              id={dayIndex === 0 && index === 0 ? firstInputId : undefined}
                              type="radio"
                              name={name}
                              value={key}
                              checked={value === key}
                              aria-invalid={error ? true : undefined}
                              onChange={() => onChange(slot)}
                            />
                            <span>
                              {formatClock(slot.startsAt, slot.location.timeZone, locale)}{' '}
                              {zoneAbbreviation(slot.startsAt, slot.location.timeZone, locale)}
                              {extra.length > 0 ? (
                                <span className="admin-muted"> · {extra.join(' · ')}</span>
                              ) : null}
                            </span>
                          </label>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })
          )}
        </fieldset>
      )}
    </div>
  );
}
