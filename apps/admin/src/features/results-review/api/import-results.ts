import { expectData, type JsonRequestBody } from '@portal/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { resultsReviewKeys } from './keys';

export type ImportRequest = JsonRequestBody<'importResults'>;

/** POST /api/v1/results/imports (operationId importResults): all rows or none. */
export function useImportResults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...resultsReviewKeys.all, 'import'],
    mutationFn: async (body: ImportRequest) =>
      expectData(await api.POST('/api/v1/results/imports', { body })),
    // Imported reports may be held for review.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultsReviewKeys.queue() }),
  });
}
