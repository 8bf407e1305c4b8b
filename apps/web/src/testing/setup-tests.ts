import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { clearActivity } from '@portal/auth-ui';
import { server } from './server';

// findBy* and waitFor wait up to 5 s, not 1: a whole page rendered through the router and MSW
// can take longer than a second on a loaded CI machine. A real failure still fails, later.
configure({ asyncUtilTimeout: 5_000 });

// Any request without a handler fails the test: the app must not call what we did not expect.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

beforeEach(() => {
  // The API sets this readable cookie on its first response; state-changing calls echo it.
  document.cookie = 'csrf_token=test-csrf-token; path=/';
});

afterEach(() => {
  server.resetHandlers();
  localStorage.clear();
  clearActivity();
  document.cookie = 'csrf_token=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  document.title = '';
});

afterAll(() => server.close());
