import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { CSRF_COOKIES } from '@portal/api-client';
import { clearActivity } from '@portal/auth-ui';
import { FakeEventSource } from './event-source';
import { server } from './server';

// The one async timeout of the suite (no test sets its own): findBy* and waitFor wait up to
// 30 s, not 1. A whole page rendered through the router and MSW (its lazy routes compiled on
// first use) can take many seconds on a loaded two-core machine; nothing here waits for time
// to pass, so a longer wait only slows down a real failure. jest.config.cjs gives each test
// 120 s, room for several such waits.
configure({ asyncUtilTimeout: 30_000 });

// Any request without a handler fails the test: the app must not call what we did not expect.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

// jsdom has no EventSource: live streams are the stand-in's, fed by each test.
Object.defineProperty(globalThis, 'EventSource', {
  value: FakeEventSource,
  configurable: true,
  writable: true,
});

// The API sets this readable cookie on its first response; state-changing calls echo it.
// jsdom's page is http://localhost, where the cookie has its plain name (no __Host- prefix).
const CSRF_COOKIE = CSRF_COOKIES[CSRF_COOKIES.length - 1];

beforeEach(() => {
  document.cookie = `${CSRF_COOKIE}=test-csrf-token; path=/`;
});

afterEach(() => {
  FakeEventSource.opened = [];
  server.resetHandlers();
  localStorage.clear();
  sessionStorage.clear();
  clearActivity();
  document.cookie = `${CSRF_COOKIE}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  document.title = '';
});

afterAll(() => server.close());
