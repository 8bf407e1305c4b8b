import { expectData } from '@portal/api-client';
import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';
import { refreshHours } from './replace-weekly-availability';

/** DELETE …/providers/{providerId}/exceptions/{exceptionId} (deleteAvailabilityException). */
export function useDeleteAvailabilityException(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationKey: [...scheduleKeys.availability(providerId), 'delete-exception'],
      mutationFn: async (exceptionId: string) =>
        expectData(
          await api.DELETE('/api/v1/providers/{providerId}/exceptions/{exceptionId}', {
            params: { path: { providerId, exceptionId } },
          }),
        ),
      onSuccess: () => refreshHours(queryClient, providerId),
    }),
  );
}
