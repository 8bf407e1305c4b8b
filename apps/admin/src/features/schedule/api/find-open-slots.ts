import { expectData, type JsonResponse } from '@portal/api-client';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { scheduleKeys } from './keys';

export type OpenSlot = JsonResponse<'findOpenSlots', 200>['items'][number];

export interface SlotQuery {
  visitTypeId: string;
  providerId?: string;
  locationId?: string;
  /** UTC instants; the API allows at most 31 days between them. */
  from: string;
  to: string;
}

/** Enough open times for two busy weeks; the picker groups them by day. */
const SLOT_LIMIT = 200;

/** GET /api/v1/slots (operationId findOpenSlots), earliest first. */
export function openSlotsQueryOptions(query: SlotQuery) {
  return queryOptions({
    queryKey: [...scheduleKeys.slots(), query] as const,
    queryFn: async ({ signal }) =>
      expectData(
        await api.GET('/api/v1/slots', {
          params: { query: { ...query, limit: SLOT_LIMIT } },
          signal,
        }),
      ),
    // Open times go quickly: always ask again when the picker opens.
    staleTime: 0,
  });
}

export function useOpenSlots(query: SlotQuery | null) {
  return useQuery({
    ...openSlotsQueryOptions(query ?? { visitTypeId: '', from: '', to: '' }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
