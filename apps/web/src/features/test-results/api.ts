import type { JsonResponse } from '@portal/api-client';
import { deviceTimeZone } from '@portal/ui';
import { useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { $api, readsFrom, useFileDownload } from '../../lib/api-queries';

/*
 * Test results read their lists and trends with $api directly. The one rule kept here: the
 * first opening of a report marks it seen on the server, so the lists already loaded and the
 * health summary's count of new results (Home reads it too) are brought up to date.
 */

export type ResultPage = JsonResponse<'listResults', 200>;
export type ResultSummary = ResultPage['items'][number];
export type ResultCategory = ResultSummary['category'];
export type ResultReport = JsonResponse<'getResult', 200>;
export type Observation = ResultReport['observations'][number];
export type ObservationTrend = JsonResponse<'getObservationTrend', 200>;
export type TrendPoint = ObservationTrend['points'][number];
export type NumericPoint = TrendPoint & { valueQuantity: number };
export interface NumericTrend extends Omit<ObservationTrend, 'points'> {
  points: NumericPoint[];
}

/** Cards per "page"; the API allows up to 100. */
export const RESULTS_PAGE_SIZE = 20;

/** How many of the newest values the trend chart shows; the API allows up to 500. */
export const TREND_LIMIT = 100;

/** Only values with a number can be drawn; text values ("Positive") stay on their report. */
export function numericTrend(trend: ObservationTrend): NumericTrend {
  return {
    ...trend,
    points: trend.points.filter((point): point is NumericPoint => point.valueQuantity !== null),
  };
}

const RESULT_LISTS = ['/api/v1/patients/{patientId}/results'];
const HEALTH_SUMMARY = ['/api/v1/patients/{patientId}/health-summary'];

/**
 * GET /api/v1/patients/{patientId}/results/{reportId} (operationId getResult): the report with
 * its values. Unknown ids answer 404.
 */
export function useResult(patientId: string, reportId: string) {
  const queryClient = useQueryClient();
  const options = $api.queryOptions('get', '/api/v1/patients/{patientId}/results/{reportId}', {
    params: { path: { patientId, reportId } },
  });
  return useQuery({
    ...options,
    queryFn: async (context) => {
      const report = await options.queryFn(context);
      // The server cleared the report's "new" mark; say so where it is already shown.
      queryClient.setQueriesData<InfiniteData<ResultPage>>(
        { predicate: readsFrom(RESULT_LISTS) },
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.map((item) =>
                item.id === reportId && item.isNew ? { ...item, isNew: false } : item,
              ),
            })),
          },
      );
      void queryClient.invalidateQueries({ predicate: readsFrom(HEALTH_SUMMARY) });
      return report;
    },
  });
}

/** GET …/results/{reportId}/report.pdf (operationId downloadResultPdf). */
export function useDownloadResultPdf(patientId: string, reportId: string) {
  return useFileDownload(
    () =>
      api.GET('/api/v1/patients/{patientId}/results/{reportId}/report.pdf', {
        // Times in the document are written in the zone the patient reads them in.
        params: { path: { patientId, reportId }, query: { timeZone: deviceTimeZone() } },
        parseAs: 'blob',
      }),
    { name: 'test-result.pdf', type: 'application/pdf' },
  );
}

/** GET …/results/{reportId}/attachment (operationId downloadResultAttachment): the lab's file. */
export function useDownloadResultAttachment(patientId: string, reportId: string, fileName: string) {
  return useFileDownload(
    () =>
      api.GET('/api/v1/patients/{patientId}/results/{reportId}/attachment', {
        params: { path: { patientId, reportId } },
        parseAs: 'blob',
      }),
    { name: fileName, type: 'application/pdf' },
  );
}
