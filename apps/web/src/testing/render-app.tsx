import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from '../app/providers';
import { routes } from '../app/routes';
import { createI18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

export interface RenderAppOptions {
  /** Path the app opens at, e.g. '/sign-in'. */
  path?: string;
  /** History state for that first entry. */
  state?: unknown;
  /** With fake timers, how user-event lets time pass (pass jest.advanceTimersByTime). */
  advanceTimers?: (ms: number) => unknown;
}

/** Renders the real route tree with fresh query cache and translations, like a new tab. */
export function renderApp({ path = '/', state, advanceTimers }: RenderAppOptions = {}) {
  const url = new URL(path, 'http://localhost');
  const router = createMemoryRouter(routes, {
    initialEntries: [{ pathname: url.pathname, search: url.search, hash: url.hash, state }],
  });
  const queryClient = createQueryClient({ retry: false });
  const user = userEvent.setup(advanceTimers ? { advanceTimers } : {});
  const view = render(
    <AppProviders queryClient={queryClient} i18n={createI18n('en')}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient, user };
}
