import type { ResultFilters } from '../utils/filters';

/**
 * Query keys. Every result list, report and trend of a patient sits under
 * ['patients', patientId, 'results']. The health summary's key is the one Home and the health
 * record use; opening a new report changes its count of new results.
 */
export const resultKeys = {
  all: (patientId: string) => ['patients', patientId, 'results'] as const,
  lists: (patientId: string) => [...resultKeys.all(patientId), 'list'] as const,
  list: (patientId: string, filters: ResultFilters) =>
    [...resultKeys.lists(patientId), filters] as const,
  detail: (patientId: string, reportId: string) =>
    [...resultKeys.all(patientId), 'detail', reportId] as const,
  trend: (patientId: string, code: string) =>
    [...resultKeys.all(patientId), 'trend', code] as const,
  healthSummary: (patientId: string) => ['patients', patientId, 'health-summary'] as const,
};
