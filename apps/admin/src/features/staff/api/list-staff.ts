import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { staffKeys } from './keys';

export type StaffList = JsonResponse<'listStaff', 200>;
export type StaffMember = StaffList['items'][number];
export type StaffRole = StaffMember['roles'][number];

/** GET /api/v1/staff (operationId listStaff): every staff account, by username. */
export function staffQueryOptions() {
  return queryOptions({
    queryKey: staffKeys.list(),
    queryFn: async ({ signal }) => expectData(await api.GET('/api/v1/staff', { signal })),
  });
}

export function useStaff() {
  return useQuery(staffQueryOptions());
}

/** Puts a changed account into the cached list at once, then re-reads the list. */
export async function storeStaffMember(queryClient: QueryClient, member: StaffMember) {
  queryClient.setQueryData<StaffList>(staffKeys.list(), (list) =>
    list
      ? {
          items: list.items.some((item) => item.id === member.id)
            ? list.items.map((item) => (item.id === member.id ? member : item))
            : [...list.items, member],
        }
      : list,
  );
  await queryClient.invalidateQueries({ queryKey: staffKeys.all });
}
