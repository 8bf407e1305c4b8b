import { expectData, type JsonResponse } from '@portal/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { resultKeys } from './keys';

export type ObservationTrend = JsonResponse<'getObservationTrend', 200>;
export type TrendPoint = ObservationTrend['points'][number];
export type NumericPoint = TrendPoint & { valueQuantity: number };
export interface NumericTrend extends Omit<ObservationTrend, 'points'> {
  points: NumericPoint[];
}

/** Only values with a number can be drawn; text values ("Positive") stay on their report. */
export function numericTrend(trend: ObservationTrend): NumericTrend {
  return {
    ...trend,
    points: trend.points.filter((point): point is NumericPoint => point.valueQuantity !== null),
  };
}

/** How many of the newest values the chart shows; the API allows up to 500. */
export const TREND_LIMIT = 100;

/**
 * GET /api/v1/patients/{patientId}/observations/trend?code= (operationId getObservationTrend):
 * one test's values over time, oldest first, with the usual range.
 */
export function useObservationTrend(patientId: string, code: string) {
  return useQuery({
    queryKey: resultKeys.trend(patientId, code),
    queryFn: async (): Promise<ObservationTrend> =>
      expectData(
        await api.GET('/api/v1/patients/{patientId}/observations/trend', {
          params: { path: { patientId }, query: { code, limit: TREND_LIMIT } },
        }),
      ),
  });
}
