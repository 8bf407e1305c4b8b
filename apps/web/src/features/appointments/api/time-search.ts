import { deviceTimeZone } from '@portal/ui';
import { useQuery } from '@tanstack/react-query';
import type { TimeSearch } from '../utils/search-params';
import { addDays, isCalendarDate, startOfDay, today } from '../utils/time';
import { useLocations, type Location } from './locations';
import { openSlotsQueryOptions, type OpenSlot } from './open-slots';

/** How many days one look at the open times covers (the API's default window). */
export const SEARCH_DAYS = 14;

export interface TimeWindow {
  /** The first and last day shown, YYYY-MM-DD, in `timeZone`. */
  firstDay: string;
  lastDay: string;
  /** Today there; no earlier day can be asked for. */
  today: string;
  /** The chosen location's zone, or the device's when any location will do. */
  timeZone: string;
  from: string;
  to: string;
}

/** The days to look at: from the chosen day (today when unset or past) for SEARCH_DAYS days. */
export function timeWindow(
  search: TimeSearch,
  locations: readonly Location[],
  now: number = Date.now(),
): TimeWindow {
  const location = locations.find((candidate) => candidate.id === search.locationId);
  const timeZone = location?.timeZone ?? deviceTimeZone();
  const todayThere = today(timeZone, now);
  const firstDay =
    search.from && isCalendarDate(search.from) && search.from > todayThere
      ? search.from
      : todayThere;
  return {
    firstDay,
    lastDay: addDays(firstDay, SEARCH_DAYS - 1),
    today: todayThere,
    timeZone,
    from: startOfDay(firstDay, timeZone),
    to: startOfDay(addDays(firstDay, SEARCH_DAYS), timeZone),
  };
}

/**
 * The open times for one kind of visit and the current choices. Waits for the locations, whose
 * time zone decides where "today" starts.
 */
export function useTimeSearch(visitTypeId: string, search: TimeSearch) {
  const locations = useLocations();
  const range = locations.data ? timeWindow(search, locations.data) : null;
  const slots = useQuery({
    ...openSlotsQueryOptions({
      visitTypeId,
      providerId: search.providerId,
      locationId: search.locationId,
      from: range?.from ?? '',
      to: range?.to ?? '',
    }),
    enabled: range !== null,
  });
  return { locations, range, slots };
}

export type { OpenSlot };
