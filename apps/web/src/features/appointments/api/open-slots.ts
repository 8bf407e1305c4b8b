import { expectData, type JsonResponse } from '@portal/api-client';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { schedulingKeys } from './keys';

export type OpenSlot = JsonResponse<'findOpenSlots', 200>['items'][number];

export interface OpenSlotSearch {
  visitTypeId: string;
  providerId?: string;
  locationId?: string;
  /** ISO 8601 instants; the API clamps `from` to now and `to` to its booking horizon. */
  from: string;
  to: string;
}

/** The most open times the API gives in one answer. */
export const OPEN_SLOTS_LIMIT = 200;

/**
 * GET /api/v1/slots (operationId findOpenSlots): open times for one kind of visit, earliest
 * first, optionally for one provider or location. Always fetched fresh: times fill up.
 */
export function openSlotsQueryOptions(search: OpenSlotSearch) {
  return queryOptions({
    queryKey: [...schedulingKeys.allSlots, search] as const,
    queryFn: async (): Promise<OpenSlot[]> => {
      const result = expectData(
        await api.GET('/api/v1/slots', {
          params: {
            query: {
              visitTypeId: search.visitTypeId,
              ...(search.providerId ? { providerId: search.providerId } : {}),
              ...(search.locationId ? { locationId: search.locationId } : {}),
              from: search.from,
              to: search.to,
              limit: OPEN_SLOTS_LIMIT,
            },
          },
        }),
      );
      return result.items;
    },
    staleTime: 0,
  });
}

export function useOpenSlots(search: OpenSlotSearch) {
  return useQuery(openSlotsQueryOptions(search));
}
