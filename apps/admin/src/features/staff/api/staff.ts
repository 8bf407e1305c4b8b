import type { JsonRequestBody, JsonResponse } from '@portal/api-client';
import { useQueryClient } from '@tanstack/react-query';
import { $api, invalidatePaths } from '../../../lib/api';

export type StaffList = JsonResponse<'listStaff', 200>;
export type StaffMember = StaffList['items'][number];
export type StaffRole = StaffMember['roles'][number];
export type UpdateStaffRequest = JsonRequestBody<'updateStaff'>;

const LIST = '/api/v1/staff';

/** Every staff account, by username; the API has no single-account read. */
export function useStaff() {
  return $api.useQuery('get', LIST);
}

/**
 * What every change to an account does with the cache: the changed account goes into the
 * cached list at once, then the list is read again.
 */
export function useStaffChange() {
  const queryClient = useQueryClient();
  return {
    onSuccess: async (member: StaffMember) => {
      queryClient.setQueryData<StaffList>($api.queryOptions('get', LIST).queryKey, (list) =>
        list
          ? {
              items: list.items.some((item) => item.id === member.id)
                ? list.items.map((item) => (item.id === member.id ? member : item))
                : [...list.items, member],
            }
          : list,
      );
      await invalidatePaths(queryClient, LIST);
    },
  };
}
