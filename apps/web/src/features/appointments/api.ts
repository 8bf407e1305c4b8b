import { expectData, type JsonResponse } from '@portal/api-client';
import { addDays, deviceTimeZone, isDate, startOfZonedDay, zonedToday } from '@portal/ui';
import { hashKey, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { $api, readsFrom, useFileDownload } from '../../lib/api-queries';
import type { TimeSearch } from './utils/search-params';

/*
 * Appointments read and change through $api directly. Kept here: what a change refreshes,
 * the clinic catalog read whole, the open times for the chosen days, and the calendar file.
 */

export type Appointment = JsonResponse<'getAppointment', 200>;
export type AppointmentStatus = Appointment['status'];
export type AppointmentLocation = Appointment['location'];
export type AppointmentPage = JsonResponse<'listPatientAppointments', 200>;
export type AppointmentListItem = AppointmentPage['items'][number];
export type AppointmentWhen = 'upcoming' | 'past';
export type Location = JsonResponse<'listLocations', 200>['items'][number];
export type Provider = JsonResponse<'listProviders', 200>['items'][number];
export type VisitType = JsonResponse<'listVisitTypes', 200>['items'][number];
export type OpenSlot = JsonResponse<'findOpenSlots', 200>['items'][number];

/** Cards per "page"; the API allows up to 100. */
export const APPOINTMENTS_PAGE_SIZE = 10;
/** The most open times the API gives in one answer. */
export const OPEN_SLOTS_LIMIT = 200;
/** How many days one look at the open times covers (the API's default window). */
export const SEARCH_DAYS = 14;

/**
 * GET …/appointments/{appointmentId} (operationId getAppointment). Another patient's id, or an
 * unknown one, answers 404 appointment_not_found.
 */
export function appointmentQuery(patientId: string, appointmentId: string) {
  return $api.queryOptions('get', '/api/v1/patients/{patientId}/appointments/{appointmentId}', {
    params: { path: { patientId, appointmentId } },
  });
}

/** Every list and record of the patient's appointments (the home page's next visit too). */
const APPOINTMENT_READS = [
  '/api/v1/patients/{patientId}/appointments',
  '/api/v1/patients/{patientId}/appointments/{appointmentId}',
];

/** Open times fill up: after a change, or a time someone else just took, ask again. */
export function refreshOpenTimes(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: readsFrom(['/api/v1/slots']) });
}

/**
 * After a booking (POST …/appointments: 409 slot_taken, 422 for the booking rules), a new
 * time (…/reschedule) or a cancellation (…/cancel; both 409 appointment_changed for a stale
 * `version`, 422 inside_cutoff): the record is stored as the API returned it, and every list
 * of the patient's appointments and every set of open times is refreshed. Not awaited: the
 * page moves on at once, rather than first showing the time it just took disappear.
 */
export function useAfterAppointmentChange(patientId: string) {
  const queryClient = useQueryClient();
  return (appointment: Appointment): void => {
    const stored = appointmentQuery(patientId, appointment.id).queryKey;
    queryClient.setQueryData(stored, appointment);
    const reads = readsFrom(APPOINTMENT_READS);
    void queryClient.invalidateQueries({
      // The record just stored is the newest there is.
      predicate: (query) => reads(query) && query.queryHash !== hashKey(stored),
      // Lists not on screen reload now too, so going back never shows the old state first.
      refetchType: 'all',
    });
    void refreshOpenTimes(queryClient);
  };
}

/** The catalog lists are short; more pages than this means something is wrong upstream. */
const MAX_PAGES = 10;
/** The catalog changes rarely. */
const CATALOG_STALE_TIME = 5 * 60_000;

/** Reads a cursor-paged list to the end: the booking screens show the catalog whole. */
async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.nextCursor) {
      break;
    }
    cursor = result.nextCursor;
  }
  return items;
}

/** GET /api/v1/visit-types: patients get the kinds of visit that can be booked online. */
export function useVisitTypes() {
  return useQuery({
    queryKey: ['get', '/api/v1/visit-types', 'all pages'],
    queryFn: () =>
      collectPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/visit-types', { params: { query: { limit: 100, cursor } } }),
        ),
      ),
    staleTime: CATALOG_STALE_TIME,
  });
}

/** GET /api/v1/providers?visitTypeId=: who offers this kind of visit, and where. */
export function useProviders(visitTypeId: string) {
  return useQuery({
    queryKey: ['get', '/api/v1/providers', 'all pages', visitTypeId],
    queryFn: () =>
      collectPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/providers', {
            params: { query: { visitTypeId, limit: 100, cursor } },
          }),
        ),
      ),
    staleTime: CATALOG_STALE_TIME,
  });
}

/** GET /api/v1/locations: the clinic's open locations, by name. */
export function useLocations() {
  return useQuery({
    queryKey: ['get', '/api/v1/locations', 'all pages'],
    queryFn: () =>
      collectPages(async (cursor) =>
        expectData(
          await api.GET('/api/v1/locations', { params: { query: { limit: 100, cursor } } }),
        ),
      ),
    staleTime: CATALOG_STALE_TIME,
  });
}

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
  const todayThere = zonedToday(timeZone, now);
  const firstDay =
    search.from && isDate(search.from) && search.from > todayThere ? search.from : todayThere;
  return {
    firstDay,
    lastDay: addDays(firstDay, SEARCH_DAYS - 1),
    today: todayThere,
    timeZone,
    from: startOfZonedDay(firstDay, timeZone),
    to: startOfZonedDay(addDays(firstDay, SEARCH_DAYS), timeZone),
  };
}

/**
 * GET /api/v1/slots (operationId findOpenSlots): the open times for one kind of visit and the
 * current choices, earliest first, always fetched fresh. Waits for the locations, whose time
 * zone decides where "today" starts; the API clamps `from` to now and `to` to its horizon.
 */
export function useTimeSearch(visitTypeId: string, search: TimeSearch) {
  const locations = useLocations();
  const range = locations.data ? timeWindow(search, locations.data) : null;
  const slots = $api.useQuery(
    'get',
    '/api/v1/slots',
    {
      params: {
        query: {
          visitTypeId,
          ...(search.providerId ? { providerId: search.providerId } : {}),
          ...(search.locationId ? { locationId: search.locationId } : {}),
          from: range?.from ?? '',
          to: range?.to ?? '',
          limit: OPEN_SLOTS_LIMIT,
        },
      },
    },
    { enabled: range !== null, staleTime: 0, select: (page) => page.items },
  );
  return { locations, range, slots };
}

/** GET …/appointments/{appointmentId}/calendar.ics (operationId downloadAppointmentCalendar). */
export function useDownloadAppointmentCalendar(patientId: string, appointmentId: string) {
  return useFileDownload(
    () =>
      api.GET('/api/v1/patients/{patientId}/appointments/{appointmentId}/calendar.ics', {
        params: { path: { patientId, appointmentId } },
        parseAs: 'blob',
      }),
    // The name the API gives the file (Content-Disposition); calendar apps open .ics files.
    { name: 'appointment.ics', type: 'text/calendar;charset=utf-8' },
  );
}
