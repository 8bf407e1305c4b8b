import {
  apiPaths,
  createAuthBackend,
  mockAuthOffline,
  mockLoginProblem,
  mockLoginThrottled,
  mockSignedIn,
  problems,
  staffSessionFactory,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

const PASSWORD = 'a long and private passphrase';

function staffAccount() {
  const session = staffSessionFactory({ user: { username: 'sam', displayName: 'Sam Okafor' } });
  return { username: 'sam', password: PASSWORD, session };
}

function useBackend(accounts = [staffAccount()]) {
  const backend = createAuthBackend({ accounts });
  server.use(...backend.handlers);
  return backend;
}

describe('sign-in page', () => {
  it('signs in and goes to the home page', async () => {
    const backend = useBackend();
    const { user, router } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Welcome, Sam Okafor' });
    expect(router.state.location.pathname).toBe('/');
    expect(backend.state.logins).toEqual([{ username: 'sam', password: PASSWORD }]);
    // Focus follows the navigation, and the tab title holds no personal details.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.title).toBe('Home – Staff Portal');
  });

  it('returns to the page the staff member first asked for', async () => {
    useBackend();
    const { user, router } = renderApp({ path: '/some/old/bookmark' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/some/old/bookmark');
  });

  it("shows the server's message in an alert linked to the form, and focuses it", async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    const detail = problems.invalidCredentials().detail;
    expect(alert).toHaveTextContent(detail);
    expect(alert).toHaveFocus();
    expect(screen.getByRole('form', { name: 'Sign in' })).toHaveAttribute(
      'aria-describedby',
      alert.id,
    );
    // The message links to the first field so the patient can try again straight away.
    expect(within(alert).getByRole('link', { name: detail })).toHaveAttribute(
      'href',
      `#${screen.getByLabelText('Username').id}`,
    );
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(backend.state.logins).toHaveLength(1);
  });

  it('asks for both fields without sending anything when they are empty', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/sign-in' });

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveFocus();
    expect(within(alert).getByRole('link', { name: 'Enter your username' })).toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Enter your password' })).toBeInTheDocument();

    const username = screen.getByLabelText('Username');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription('Enter your username');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Enter your password');
    expect(backend.state.logins).toHaveLength(0);
  });

  it('asks only for the missing field', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), '   ');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Enter your username']);
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(backend.state.logins).toHaveLength(0);
  });

  it('moves focus to a field from the error summary', async () => {
    useBackend();
    const { user } = renderApp({ path: '/sign-in' });

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('link', { name: 'Enter your password' }));

    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it('shows field errors the server sends beside their fields', async () => {
    server.use(
      ...mockLoginProblem(
        problems.validation([{ field: 'password', message: 'Use 128 characters or fewer.' }]),
      ),
    );
    const { user } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), 'x'.repeat(129));
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'Use 128 characters or fewer.',
    );
  });

  it('says how long to wait when sign-in is paused, and offers a password reset', async () => {
    server.use(...mockLoginThrottled(600));
    const { user, router } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveFocus();
    expect(alert).toHaveTextContent(
      'Sign-in is paused after too many attempts. Wait 10 minutes and try again.',
    );
    await user.click(within(alert).getByRole('link', { name: 'Reset your password' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Reset your password' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/forgot-password');
  });

  it("falls back to the server's words when the pause has no Retry-After", async () => {
    server.use(...mockLoginProblem(problems.throttled(120)));
    const { user } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(problems.throttled(120).detail);
  });

  it('says what to do when the portal cannot be reached', async () => {
    server.use(...mockAuthOffline());
    const { user } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The portal could not be reached. Check your connection and try again.',
    );
  });

  it('asks for the verification code when the account has a second factor', async () => {
    const account = {
      ...staffAccount(),
      secondFactor: ['totp' as const],
      codes: { totp: '123456' },
    };
    useBackend([account]);
    const { user, router } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: "Verify it's you" }),
    ).toBeInTheDocument();
    await user.type(screen.getByLabelText('Verification code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Sam Okafor' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('links to the forgotten username and password pages', async () => {
    useBackend();
    const { user } = renderApp({ path: '/sign-in' });

    await user.click(await screen.findByRole('link', { name: 'Forgot username?' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Find your username' }),
    ).toHaveFocus();
    await user.click(screen.getByRole('link', { name: 'Forgot password?' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Reset your password' }),
    ).toHaveFocus();
  });

  it('sends the CSRF token from the cookie with the sign-in request', async () => {
    let header: string | null = null;
    server.use(
      http.post(apiPaths.login, ({ request }) => {
        header = request.headers.get('X-CSRF-Token');
        return HttpResponse.json(problems.invalidCredentials(), {
          status: 401,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      }),
    );
    const { user } = renderApp({ path: '/sign-in' });

    await user.type(await screen.findByLabelText('Username'), 'sam');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('alert');
    expect(header).toBe('test-csrf-token');
  });

  it('sends a signed-in visitor straight to the home page', async () => {
    server.use(...mockSignedIn(staffSessionFactory({ user: { displayName: 'Sam Okafor' } })));
    const { router } = renderApp({ path: '/sign-in' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Sam Okafor' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});
