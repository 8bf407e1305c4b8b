import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';

export type WeeklyRuleInput = JsonRequestBody<'replaceWeeklyAvailability'>['rules'][number];

/** PUT /api/v1/providers/{providerId}/availability (operationId replaceWeeklyAvailability). */
export function useReplaceWeeklyAvailability(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...scheduleKeys.availability(providerId), 'replace'],
      mutationFn: async (rules: WeeklyRuleInput[]) =>
        expectData(
          await api.PUT('/api/v1/providers/{providerId}/availability', {
            params: { path: { providerId } },
            body: { rules },
          }),
        ),
      onSuccess: () => refreshHours(queryClient, providerId),
    }),
  );
}

/** Hours changed: the availability, conflicts, open times, calendars and provider list move. */
export async function refreshHours(
  queryClient: ReturnType<typeof useQueryClient>,
  providerId: string,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: scheduleKeys.availability(providerId) }),
    queryClient.invalidateQueries({ queryKey: scheduleKeys.conflicts() }),
    queryClient.invalidateQueries({ queryKey: scheduleKeys.slots() }),
    queryClient.invalidateQueries({ queryKey: scheduleKeys.calendars() }),
    // locationIds of the provider follow from the weekly hours.
    queryClient.invalidateQueries({ queryKey: scheduleKeys.providers() }),
  ]);
}
