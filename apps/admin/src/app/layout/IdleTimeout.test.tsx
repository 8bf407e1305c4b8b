import {
  apiPaths,
  createAccountBackend,
  createAuthBackend,
  staffSessionFactory,
} from '@portal/api-mocks';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { sessionQueryKey } from '../../lib/session';
import { renderApp } from '../../testing/render-app';
import { server } from '../../testing/server';

const MINUTE = 60_000;

function signedIn() {
  const backend = createAuthBackend({
    session: staffSessionFactory({ user: { displayName: 'Sam Okafor' } }),
    idleMinutes: 15,
  });
  server.use(...backend.handlers);
  return backend;
}

/** Moves the fake clock and runs the timers due, then lets React and MSW settle. */
async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

describe('idle logoff', () => {
  beforeEach(() => {
    jest.useFakeTimers({ advanceTimers: true });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('warns one minute before the session ends, in a modal alert dialog', async () => {
    signedIn();
    renderApp({ path: '/', advanceTimers: jest.advanceTimersByTime });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Sam Okafor' });

    await advance(13 * MINUTE + 50_000);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await advance(15_000);
    const dialog = await screen.findByRole('alertdialog', { name: 'Session about to end' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription(/you will be signed out at/);
    expect(within(dialog).getByRole('button', { name: 'Stay signed in' })).toHaveFocus();
  });

  it('keeps focus inside the dialog', async () => {
    signedIn();
    const { user } = renderApp({ path: '/', advanceTimers: jest.advanceTimersByTime });
    await screen.findByRole('heading', { level: 1 });
    await advance(14 * MINUTE + 1_000);
    const dialog = await screen.findByRole('alertdialog');
    const stay = within(dialog).getByRole('button', { name: 'Stay signed in' });
    const signOut = within(dialog).getByRole('button', { name: 'Sign out' });

    await user.tab();
    expect(signOut).toHaveFocus();
    await user.tab();
    expect(stay).toHaveFocus();
    await user.tab({ shift: true });
    expect(signOut).toHaveFocus();
  });

  it('"Stay signed in" asks the server again and starts a new 15 minutes', async () => {
    const backend = signedIn();
    const { user } = renderApp({ path: '/', advanceTimers: jest.advanceTimersByTime });
    await screen.findByRole('heading', { level: 1 });
    await advance(14 * MINUTE + 5_000);
    const readsBefore = backend.state.sessionReads;

    await user.click(await screen.findByRole('button', { name: 'Stay signed in' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(backend.state.sessionReads).toBe(readsBefore + 1);
    // Past the first deadline: still signed in, because the server saw the activity.
    await advance(2 * MINUTE);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Welcome, Sam Okafor' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    // And the timer counts again from the new session.
    await advance(12 * MINUTE);
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
  });

  it('signs out when the time runs out and says why on the sign-in page', async () => {
    const backend = signedIn();
    const { router, queryClient } = renderApp({
      path: '/account',
      advanceTimers: jest.advanceTimersByTime,
    });
    server.use(...createAccountBackend().handlers);
    await screen.findByRole('heading', { level: 1, name: 'Sign-in and security' });

    await advance(15 * MINUTE + 1_000);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'You were signed out after 15 minutes without activity. Sign in again to continue.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(queryClient.getQueryData(sessionQueryKey)).toBeNull();
    // Nothing private stays cached on a shared device.
    expect(queryClient.getQueryData(['account', 'security'])).toBeUndefined();
    expect(backend.state.session).toBeNull();
  });

  it('"Sign out" in the dialog signs out at once', async () => {
    const backend = signedIn();
    const { user } = renderApp({ path: '/', advanceTimers: jest.advanceTimersByTime });
    await screen.findByRole('heading', { level: 1 });
    await advance(14 * MINUTE + 1_000);

    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Sign out' }),
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You are signed out.');
    expect(backend.state.logouts).toBe(1);
  });

  it('counts other signed-in calls as activity', async () => {
    signedIn();
    const account = createAccountBackend();
    server.use(...account.handlers);
    const { user } = renderApp({ path: '/', advanceTimers: jest.advanceTimersByTime });
    await screen.findByRole('heading', { level: 1 });

    await advance(10 * MINUTE);
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
        name: 'My account',
      }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Sign-in and security' });

    // 15 minutes after sign-in, but only 5 after the last call: no warning yet.
    await advance(5 * MINUTE);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await advance(9 * MINUTE + 5_000);
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
  });

  it('says so when the session ended elsewhere', async () => {
    const backend = signedIn();
    renderApp({ path: '/', advanceTimers: jest.advanceTimersByTime });
    await screen.findByRole('heading', { level: 1 });
    backend.state.session = null;
    server.use(
      http.get(apiPaths.session, () =>
        HttpResponse.json(
          { type: 'about:blank', status: 401, code: 'unauthenticated', title: 'x', detail: 'x' },
          { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );

    // Coming back to the tab checks the session again.
    await act(async () => {
      window.dispatchEvent(new Event('visibilitychange'));
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText(/Your session ended/)).toBeInTheDocument();
  });

  it('warns before the longest session length is reached, and says so afterwards', async () => {
    const backend = createAuthBackend({
      session: staffSessionFactory({
        user: { displayName: 'Sam Okafor' },
        absoluteExpiresAt: new Date(Date.now() + 5 * MINUTE).toISOString(),
      }),
    });
    server.use(...backend.handlers);
    const { user } = renderApp({ path: '/', advanceTimers: jest.advanceTimersByTime });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Sam Okafor' });

    await advance(4 * MINUTE + 5_000);
    const dialog = await screen.findByRole('alertdialog', { name: 'Session ending' });
    // Staying cannot stretch this limit: the dialog only informs.
    expect(
      within(dialog).queryByRole('button', { name: 'Stay signed in' }),
    ).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await advance(MINUTE);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(
      screen.getByText(/Your session reached its maximum length and ended./),
    ).toBeInTheDocument();
  });
});
