import type { JsonResponse } from '@portal/api-client';
import { http, HttpResponse, type HttpHandler } from 'msw';

export type MockStaffLocations = JsonResponse<'getStaffLocations', 200>;
export type MockEmergencyAccessPage = JsonResponse<'listEmergencyAccess', 200>;

/**
 * Minimum necessary access, as a staff app screen meets it by default: staff assigned to no
 * location and no emergency access used yet. Tests that need more state their own answers
 * with server.use(); the care rule itself is tested against the real API.
 */
export const careHandlers: HttpHandler[] = [
  http.get('*/api/v1/staff/:accountId/locations', () =>
    HttpResponse.json({ assigned: [], practice: [] } satisfies MockStaffLocations),
  ),
  http.get('*/api/v1/emergency-access', () =>
    HttpResponse.json({ items: [], nextCursor: null } satisfies MockEmergencyAccessPage),
  ),
  http.get('*/api/v1/locations', () =>
    HttpResponse.json({ items: [], nextCursor: null } satisfies JsonResponse<'listLocations', 200>),
  ),
];
