import { handlers } from '@portal/api-mocks';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { emptyHealthSummary } from './factories';

/**
 * One MSW server for the whole test run; tests state the answers they need with mockApi (or
 * server.use). The home page asks for the next appointment, the counts of new results and
 * replies and the refill requests, so by default nobody has any appointments, requests,
 * records or replies waiting. Every page's header
 * shows the clinic (a test clinic without a logo).
 */
export const TEST_CLINIC = {
  name: 'Test Family Clinic',
  brandColor: '#0b57a4',
  logoUrl: null,
  phone: '+1 555 010 0100',
};

export const server = setupServer(
  ...handlers,
  http.get('/api/v1/clinic', () => HttpResponse.json(TEST_CLINIC)),
  http.get('/api/v1/patients/:patientId/appointments', () =>
    HttpResponse.json({ items: [], nextCursor: null }),
  ),
  http.get('/api/v1/patients/:patientId/refill-requests', () =>
    HttpResponse.json({ items: [], nextCursor: null }),
  ),
  http.get<{ patientId: string }>('/api/v1/patients/:patientId/health-summary', ({ params }) =>
    HttpResponse.json(emptyHealthSummary(params.patientId)),
  ),
  http.get('/api/v1/patients/:patientId/message-counts', () =>
    HttpResponse.json({ unreadConversations: 0 }),
  ),
);
