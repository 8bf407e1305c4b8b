import type { JsonResponse } from '@portal/api-client';
import { deviceTimeZone } from '@portal/ui';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { $api, cursorPages, useFileDownload } from '../../lib/api-queries';

/*
 * The health record reads its pages with $api directly (the health summary's cache entry is
 * the one Home reads its count of new results from). Nothing here changes the record, so
 * there is nothing to invalidate; what is composed: one list hook over the record kinds, and
 * the files.
 */

export type HealthSummary = JsonResponse<'getHealthSummary', 200>;
export type Vital = HealthSummary['latestVitals'][number];
export type Condition = JsonResponse<'listConditions', 200>['items'][number];
export type Allergy = JsonResponse<'listAllergies', 200>['items'][number];
export type Immunization = JsonResponse<'listImmunizations', 200>['items'][number];
export type VisitSummary = JsonResponse<'listVisitSummaries', 200>['items'][number];
export type CarePlan = JsonResponse<'listCarePlans', 200>['items'][number];
export type Medication = JsonResponse<'listMedications', 200>['items'][number];

export interface DateRange {
  /** Calendar dates, YYYY-MM-DD, both included. */
  from: string | null;
  to: string | null;
}

export interface RecordItems {
  conditions: Condition;
  allergies: Allergy;
  immunizations: Immunization;
  'visit-summaries': VisitSummary;
  'care-plans': CarePlan;
  medications: Medication;
}
export type RecordKind = keyof RecordItems;

export interface RecordPage<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Entries per "page"; the API allows up to 100. */
export const RECORD_PAGE_SIZE = 20;

/** One GET per kind, newest first (operationIds listConditions, listAllergies, …). */
const RECORD_PATHS = {
  conditions: '/api/v1/patients/{patientId}/conditions',
  allergies: '/api/v1/patients/{patientId}/allergies',
  immunizations: '/api/v1/patients/{patientId}/immunizations',
  'visit-summaries': '/api/v1/patients/{patientId}/visit-summaries',
  'care-plans': '/api/v1/patients/{patientId}/care-plans',
  medications: '/api/v1/patients/{patientId}/medications',
} as const satisfies Record<RecordKind, string>;

/** A record list, a page at a time, narrowed to a date range. */
export function useRecordList<K extends RecordKind>(patientId: string, kind: K, range: DateRange) {
  return $api.useInfiniteQuery(
    'get',
    // Every kind takes the same parameters and answers a page of its own entries.
    RECORD_PATHS[kind] as (typeof RECORD_PATHS)['conditions'],
    {
      params: {
        path: { patientId },
        query: {
          limit: RECORD_PAGE_SIZE,
          ...(range.from ? { from: range.from } : {}),
          ...(range.to ? { to: range.to } : {}),
        },
      },
    },
    cursorPages,
  ) as unknown as UseInfiniteQueryResult<InfiniteData<RecordPage<RecordItems[K]>>>;
}

/** GET …/health-record.pdf (operationId downloadHealthRecordPdf). */
export function useDownloadHealthRecordPdf(patientId: string) {
  return useFileDownload(
    () =>
      api.GET('/api/v1/patients/{patientId}/health-record.pdf', {
        // Times in the document are written in the zone the patient reads them in.
        params: { path: { patientId }, query: { timeZone: deviceTimeZone() } },
        parseAs: 'blob',
      }),
    { name: 'health-record.pdf', type: 'application/pdf' },
  );
}

/** GET …/health-record.fhir.json (operationId downloadHealthRecordFhir): a FHIR R4 Bundle. */
export function useDownloadHealthRecordFhir(patientId: string) {
  return useFileDownload(
    () =>
      api.GET('/api/v1/patients/{patientId}/health-record.fhir.json', {
        params: { path: { patientId } },
        parseAs: 'blob',
      }),
    { name: 'health-record.fhir.json', type: 'application/fhir+json' },
  );
}

/** GET …/visit-summaries/{visitSummaryId}/summary.pdf (operationId downloadVisitSummaryPdf). */
export function useDownloadVisitSummaryPdf(patientId: string, visitSummaryId: string) {
  return useFileDownload(
    () =>
      api.GET('/api/v1/patients/{patientId}/visit-summaries/{visitSummaryId}/summary.pdf', {
        params: { path: { patientId, visitSummaryId }, query: { timeZone: deviceTimeZone() } },
        parseAs: 'blob',
      }),
    { name: 'visit-summary.pdf', type: 'application/pdf' },
  );
}
