import { expectData, type JsonResponse } from '@portal/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';

export type Schedule = JsonResponse<'listSchedule', 200>;
export type ScheduleAppointment = Schedule['items'][number];
export type ScheduleHours = Schedule['hours'][number];

export interface ScheduleQuery {
  providerId?: string;
  locationId?: string;
  /** UTC instants: local midnight of the first day shown and of the day after the last. */
  from: string;
  to: string;
  includeCancelled?: boolean;
}

/** GET /api/v1/schedule (operationId listSchedule): one provider's or location's days. */
export function scheduleQueryOptions(query: ScheduleQuery) {
  return queryOptions({
    queryKey: [...scheduleKeys.calendars(), query] as const,
    queryFn: async ({ signal }) =>
      expectData(await api.GET('/api/v1/schedule', { params: { query }, signal })),
  });
}

/** Keeps the previous days on screen while the next ones load, so the layout does not jump. */
export function useSchedule(query: ScheduleQuery | null) {
  return useQuery({
    ...scheduleQueryOptions(query ?? { from: '', to: '' }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
