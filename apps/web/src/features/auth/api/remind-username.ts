import type { JsonRequestBody } from '@portal/api-client';
import { mutationOptions, useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';

/** POST /api/v1/auth/username-reminder (operationId remindUsername). Always 204. */
export function remindUsernameMutationOptions() {
  return mutationOptions({
    mutationKey: ['auth', 'username-reminder'],
    mutationFn: async (body: JsonRequestBody<'remindUsername'>): Promise<void> => {
      await api.POST('/api/v1/auth/username-reminder', { body });
    },
  });
}

export function useRemindUsername() {
  return useMutation(remindUsernameMutationOptions());
}
