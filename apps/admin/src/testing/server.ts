import type { JsonResponse } from '@portal/api-client';
import { handlers } from '@portal/api-mocks';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';

/**
 * Minimum-necessary access as a staff app screen meets it by default: staff assigned to no
 * location, no clinic locations and no emergency access used yet. Tests that need more state
 * their own answers with `answer()`; the care rule itself is tested against the real API.
 */
const careDefaults: HttpHandler[] = [
  http.get('*/api/v1/staff/:accountId/locations', () =>
    HttpResponse.json({ assigned: [], practice: [] } satisfies JsonResponse<
      'getStaffLocations',
      200
    >),
  ),
  http.get('*/api/v1/emergency-access', () =>
    HttpResponse.json({ items: [], nextCursor: null } satisfies JsonResponse<
      'listEmergencyAccess',
      200
    >),
  ),
  http.get('*/api/v1/locations', () =>
    HttpResponse.json({ items: [], nextCursor: null } satisfies JsonResponse<'listLocations', 200>),
  ),
];

/**
 * The staff home's worklist as a screen meets it by default: nothing waiting (no invitations
 * to resend, no providers, no results to review, no messages). Tests of the home state their own answers.
 */
const homeDefaults: HttpHandler[] = [
  http.get('*/api/v1/invitations', () =>
    HttpResponse.json({ items: [], nextCursor: null } satisfies JsonResponse<
      'listInvitations',
      200
    >),
  ),
  http.get('*/api/v1/providers', () =>
    HttpResponse.json({ items: [], nextCursor: null } satisfies JsonResponse<'listProviders', 200>),
  ),
  http.get('*/api/v1/inbox/counts', () =>
    HttpResponse.json({
      views: (['unassigned', 'mine', 'open', 'waiting', 'closed'] as const).map((view) => ({
        view,
        total: 0,
        unread: 0,
      })),
    } satisfies JsonResponse<'getInboxCounts', 200>),
  ),
  http.get('*/api/v1/results/review-queue', () =>
    HttpResponse.json({
      items: [],
      nextCursor: null,
      total: 0,
      oldestIssuedAt: null,
    } satisfies JsonResponse<'listResultsForReview', 200>),
  ),
];

/** One MSW server for the whole test run; tests add their own handlers with server.use(). */
export const server = setupServer(
  ...handlers,
  ...careDefaults,
  ...homeDefaults,
  // Every page's header names the clinic (a test clinic without a logo).
  http.get('/api/v1/clinic', () =>
    HttpResponse.json({ name: 'Test Family Clinic', brandColor: '#0b57a4', logoUrl: null }),
  ),
);
