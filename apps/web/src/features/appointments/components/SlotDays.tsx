import { formatDate, formatTime, startOfZonedDay, VisuallyHidden } from '@portal/ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import type { Location, OpenSlot } from '../api';
import type { ShownDay } from '../utils/shown-times';
import { CutoffNotice } from './CutoffNotice';

export interface SlotDaysProps {
  days: readonly ShownDay[];
  /** The zone the days are counted in (the chosen location's, or the device's). */
  timeZone: string;
  locations: readonly Location[];
  timeLink: (slot: OpenSlot) => string;
}

/**
 * The days shown as one radio group (one Tab stop, arrow keys between days; days without times
 * are shown and cannot be chosen), then the chosen day's times: by location, each in its own
 * time zone, named in the heading, then by provider, as a grid of compact links.
 */
export function SlotDays({ days, timeZone, locations, timeLink }: SlotDaysProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const name = useId();
  const [chosen, setChosen] = useState(() => days.find((day) => day.items.length)?.date ?? '');
  const day = days.find((candidate) => candidate.date === chosen && candidate.items.length);
  const dayLabel = (date: string) =>
    new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      timeZone,
    }).format(new Date(startOfZonedDay(date, timeZone)));

  return (
    <>
      <fieldset className="appointments-daystrip">
        <legend>{t('appointments.picker.dayLegend')}</legend>
        <div className="appointments-daystrip__days">
          {days.map((candidate) => {
            const id = `${name}-${candidate.date}`;
            const empty = candidate.items.length === 0;
            return (
              <div key={candidate.date} className="appointments-daystrip__day">
                <input
                  id={id}
                  type="radio"
                  name={name}
                  value={candidate.date}
                  checked={candidate.date === day?.date}
                  disabled={empty}
                  onChange={() => setChosen(candidate.date)}
                />
                <label htmlFor={id}>
                  <span className="appointments-daystrip__date">{dayLabel(candidate.date)}</span>
                  <span className="appointments-daystrip__count">
                    {empty
                      ? t('appointments.picker.noTimes')
                      : t('appointments.picker.timeCount', { count: candidate.items.length })}
                  </span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      {day ? (
        <DayTimes
          key={day.date}
          items={day.items}
          locations={locations}
          timeLink={timeLink}
          locale={locale}
        />
      ) : null}
    </>
  );
}

interface Group<T> {
  key: string;
  first: OpenSlot;
  items: T[];
}

/** Items grouped by a key, in the order each key first appears. */
function groupBy<T>(items: readonly T[], key: (item: T) => string, slot: (item: T) => OpenSlot) {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    const found = groups.get(key(item));
    if (found) found.items.push(item);
    else groups.set(key(item), { key: key(item), first: slot(item), items: [item] });
  }
  return [...groups.values()];
}

/** "Central Time", the zone's name in the reader's language, or the zone's id. */
function zoneName(timeZone: string, locale: string, at: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      timeZone,
      timeZoneName: 'longGeneric',
    }).formatToParts(new Date(at));
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

function DayTimes({
  items,
  locations,
  timeLink,
  locale,
}: {
  items: readonly OpenSlot[];
  locations: readonly Location[];
  timeLink: (slot: OpenSlot) => string;
  locale: string;
}) {
  const { t } = useTranslation();
  const idBase = useId();
  const byLocation = groupBy(
    items,
    (slot) => slot.location.id,
    (slot) => slot,
  );
  return (
    <>
      {byLocation.map((group, index) => {
        const { location: where } = group.first;
        const zone = where.timeZone;
        const headingId = `${idBase}-${index}`;
        const dayText = formatDate(group.first.startsAt, zone, locale);
        const contact = locations.find((candidate) => candidate.id === where.id);
        const late = group.items.find((slot) => !slot.canChangeOnline);
        return (
          <section key={group.key} aria-labelledby={headingId} className="appointments-day">
            <h3 id={headingId}>
              {t('appointments.picker.locationDay', {
                location: where.name,
                day: dayText,
                zone: zoneName(zone, locale, group.first.startsAt),
              })}
            </h3>
            {late && contact ? <CutoffNotice slot={late} location={contact} kind="list" /> : null}
            {groupBy(
              group.items,
              (slot) => slot.provider.id,
              (slot) => slot,
            ).map((byProvider) => (
              <div key={byProvider.key} className="appointments-provider-times">
                <h4>
                  {byProvider.first.provider.displayName}
                  {byProvider.first.provider.specialty
                    ? `, ${byProvider.first.provider.specialty}`
                    : ''}
                </h4>
                <ul className="appointments-slots">
                  {byProvider.items.map((slot) => (
                    <li key={slot.startsAt}>
                      <Link className="appointments-slot" to={{ search: timeLink(slot) }}>
                        <VisuallyHidden>{`${dayText}, `}</VisuallyHidden>
                        <span className="appointments-slot__time">
                          {formatTime(slot.startsAt, zone, locale)}
                        </span>
                        <VisuallyHidden>
                          {` ${t('appointments.picker.slotPlace', {
                            provider: slot.provider.displayName,
                            location: where.name,
                          })}${slot.canChangeOnline ? '' : ','}`}
                        </VisuallyHidden>
                        {slot.canChangeOnline ? null : (
                          <span className="appointments-slot__late">
                            {t('appointments.picker.lateSlot')}
                          </span>
                        )}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
