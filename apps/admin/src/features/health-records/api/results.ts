import { useQueryClient } from '@tanstack/react-query';
import { invalidatePaths } from '../../../lib/api';
import { healthRecordKeys } from './keys';

export const RESULTS_PAGE_SIZE = 20;

export interface ResultFilters {
  category?: 'laboratory' | 'imaging' | 'other';
  abnormal?: boolean;
}

const RESULT_READS = [
  '/api/v1/patients/{patientId}/results',
  '/api/v1/patients/{patientId}/results/{reportId}',
] as const;

/**
 * After a result is entered (held or released as the policy says), released (providers
 * only) or corrected, even when refused: the lists and reports on screen are read again;
 * a correction also moves the value's history.
 */
export function useResultsChange({ history = false } = {}) {
  const queryClient = useQueryClient();
  return {
    onSettled: () =>
      Promise.all([
        invalidatePaths(queryClient, ...RESULT_READS),
        history
          ? queryClient.invalidateQueries({ queryKey: [...healthRecordKeys.all, 'history'] })
          : undefined,
      ]),
  };
}

/** Vital signs are released at once; the list is read again. */
export function useVitalsChange() {
  const queryClient = useQueryClient();
  return { onSettled: () => invalidatePaths(queryClient, '/api/v1/patients/{patientId}/vitals') };
}

export function observationHistoryPath(
  patientId: string,
  reportId: string,
  observationId: string,
): string {
  return [
    '/api/v1/patients',
    encodeURIComponent(patientId),
    'results',
    encodeURIComponent(reportId),
    'observations',
    encodeURIComponent(observationId),
    'history',
  ].join('/');
}
