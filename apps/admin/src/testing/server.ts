import { handlers } from '@portal/api-mocks';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** One MSW server for the whole test run; tests add their own handlers with server.use(). */
export const server = setupServer(
  ...handlers,
  // Every page's header names the clinic (a test clinic without a logo).
  http.get('/api/v1/clinic', () =>
    HttpResponse.json({ name: 'Test Family Clinic', brandColor: '#0b57a4', logoUrl: null }),
  ),
);
