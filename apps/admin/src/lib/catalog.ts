import type { JsonResponse } from '@portal/api-client';
import { useQuery } from '@tanstack/react-query';
import { allPagesQueryOptions } from './api';

/*
 * The clinic's catalog (locations, providers, visit types), read whole: a clinic has a few
 * dozen of each. Clinic settings edits it and the schedule picks from it, so both read it
 * through here and share one cached copy, which clinic settings' changes invalidate.
 */

export type Location = JsonResponse<'listLocations', 200>['items'][number];
export type Provider = JsonResponse<'listProviders', 200>['items'][number];
export type VisitType = JsonResponse<'listVisitTypes', 200>['items'][number];

const WHOLE = { query: { limit: 100 } };

export const CATALOG_PATHS = {
  locations: '/api/v1/locations',
  providers: '/api/v1/providers',
  visitTypes: '/api/v1/visit-types',
} as const;

/** Every location, by name. */
export function useLocations() {
  return useQuery(allPagesQueryOptions(CATALOG_PATHS.locations, WHOLE));
}

/** Every provider, by name. */
export function useProviders() {
  return useQuery(allPagesQueryOptions(CATALOG_PATHS.providers, WHOLE));
}

/** Every visit type, by name. */
export function useVisitTypes() {
  return useQuery(allPagesQueryOptions(CATALOG_PATHS.visitTypes, WHOLE));
}
