import type { JsonRequestBody, JsonResponse } from '@portal/api-client';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { invalidatePaths, pathKey } from '../../../lib/api';
import { CATALOG_PATHS } from '../../../lib/catalog';

export type Appointment = JsonResponse<'getAppointment', 200>;
export type Reminder = NonNullable<Appointment['reminders']>[number];
export type Availability = JsonResponse<'getProviderAvailability', 200>;
export type AvailabilityRule = Availability['rules'][number];
export type AvailabilityException = Availability['exceptions'][number];
export type WeeklyRuleInput = JsonRequestBody<'replaceWeeklyAvailability'>['rules'][number];
export type ScheduleConflict = JsonResponse<'listScheduleConflicts', 200>['items'][number];
export type OpenSlot = JsonResponse<'findOpenSlots', 200>['items'][number];
export type Schedule = JsonResponse<'listSchedule', 200>;
export type ScheduleAppointment = Schedule['items'][number];
export type ScheduleHours = Schedule['hours'][number];
export type PatientMatch = JsonResponse<'searchPatients', 200>['items'][number];
export type StatusMark = JsonRequestBody<'setAppointmentStatus'>['status'];
export type When = 'upcoming' | 'past';

export const APPOINTMENT_PAGE_SIZE = 20;
/** Enough open times for two busy weeks; the picker groups them by day. */
export const SLOT_LIMIT = 200;
/** Enough patients to pick from; a longer list means the search should be narrower. */
export const MATCH_LIMIT = 10;

const APPOINTMENTS = '/api/v1/patients/{patientId}/appointments';

/**
 * After any change to an appointment (or a refusal: a time taken meanwhile, a visit changed
 * meanwhile, both mean the screen is stale): the calendars, the patient's lists, open times
 * and conflicts may all show it, so each is loaded again.
 */
export function useAppointmentChange() {
  const queryClient = useQueryClient();
  return {
    onSettled: async (
      _data: unknown,
      _error: unknown,
      { params }: { params: { path: { patientId: string } } },
    ) => {
      await Promise.all([
        // The patient's lists are keyed by the patient alone (the change's path also names the
        // appointment, which would match none of them).
        queryClient.invalidateQueries({
          queryKey: [
            ...pathKey(APPOINTMENTS),
            { params: { path: { patientId: params.path.patientId } } },
          ],
        }),
        invalidatePaths(
          queryClient,
          '/api/v1/schedule',
          '/api/v1/patients/{patientId}/appointments/{appointmentId}',
          '/api/v1/slots',
          '/api/v1/providers/{providerId}/conflicts',
        ),
      ]);
    },
  };
}

/** Hours changed: the availability, conflicts, open times, calendars and provider list move. */
export async function refreshHours(queryClient: QueryClient, providerId: string) {
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: [
        ...pathKey('/api/v1/providers/{providerId}/availability'),
        { params: { path: { providerId } } },
      ],
    }),
    invalidatePaths(
      queryClient,
      '/api/v1/providers/{providerId}/conflicts',
      '/api/v1/slots',
      '/api/v1/schedule',
      // locationIds of the provider follow from the weekly hours.
      CATALOG_PATHS.providers,
    ),
  ]);
}

export function useHoursChange(providerId: string) {
  const queryClient = useQueryClient();
  return { onSuccess: () => refreshHours(queryClient, providerId) };
}
