import type { RecordKind } from './record-lists';

export interface DateRange {
  /** Calendar dates, YYYY-MM-DD, both included. */
  from: string | null;
  to: string | null;
}

/**
 * Query keys. Everything of a patient's record sits under ['patients', patientId, 'records'];
 * the health summary's key is the one Home uses too (its count of new results).
 */
export const recordKeys = {
  all: (patientId: string) => ['patients', patientId, 'records'] as const,
  list: (patientId: string, kind: RecordKind, range: DateRange) =>
    [...recordKeys.all(patientId), kind, 'list', range] as const,
  visitSummary: (patientId: string, visitSummaryId: string) =>
    [...recordKeys.all(patientId), 'visit-summaries', 'detail', visitSummaryId] as const,
  healthSummary: (patientId: string) => ['patients', patientId, 'health-summary'] as const,
};
