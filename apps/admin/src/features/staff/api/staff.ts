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

export type StaffLocations = JsonResponse<'getStaffLocations', 200>;

export const STAFF_LOCATIONS_PATH = '/api/v1/staff/{accountId}/locations';

/** Where a staff member works (getStaffLocations). */
export function useStaffLocations(accountId: string) {
  return $api.useQuery('get', STAFF_LOCATIONS_PATH, { params: { path: { accountId } } });
}

/**
 * After setting a staff member's locations (setStaffLocations): the answer is their list as
 * now stored, so it goes into the cache at once.
 */
export function useStaffLocationsChange() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (
      locations: StaffLocations,
      variables: { params: { path: { accountId: string } } },
    ) => {
      queryClient.setQueryData(
        $api.queryOptions('get', STAFF_LOCATIONS_PATH, {
          params: { path: { accountId: variables.params.path.accountId } },
        }).queryKey,
        locations,
      );
    },
  };
}
