import { expectData, type JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';
import { refreshHours } from './replace-weekly-availability';

export type AddExceptionRequest = JsonRequestBody<'addAvailabilityException'>;

/** POST /api/v1/providers/{providerId}/exceptions (operationId addAvailabilityException). */
export function useAddAvailabilityException(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...scheduleKeys.availability(providerId), 'add-exception'],
      mutationFn: async (body: AddExceptionRequest) =>
        expectData(
          await api.POST('/api/v1/providers/{providerId}/exceptions', {
            params: { path: { providerId } },
            body,
          }),
        ),
      onSuccess: () => refreshHours(queryClient, providerId),
    }),
  );
}
