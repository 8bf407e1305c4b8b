import {
  apiPaths,
  createAuthBackend,
  problemResponse,
  problems,
  sessionFactory,
  type MockAccount,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

const PASSWORD = 'a long and private passphrase';

function account(overrides: Partial<MockAccount> = {}): MockAccount {
  return {
    username: 'ana',
    password: PASSWORD,
    session: sessionFactory({ user: { username: 'ana', displayName: 'Ana Silva' } }),
    secondFactor: ['totp', 'recovery-code'],
    codes: { totp: '246810', recovery: ['k7dq2-m9x4p'] },
    ...overrides,
  };
}

function useBackend(accounts: MockAccount[] = [account()], maxCodeTries?: number) {
  const backend = createAuthBackend({ accounts, maxCodeTries });
  server.use(...backend.handlers);
  return backend;
}

async function signInWithPassword(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Username'), 'ana');
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return screen.findByRole('heading', { level: 1, name: 'Enter your security code' });
}

describe('sign-in, second step', () => {
  it('asks for the authenticator code on the same page and signs in with it', async () => {
    const backend = useBackend();
    const { user, router } = renderApp({ path: '/sign-in' });

    const heading = await signInWithPassword(user);
    await waitFor(() => expect(heading).toHaveFocus());
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
    expect(document.title).toBe('Enter your security code – Patient Portal');
    expect(
      screen.getByText(
        'Open your authenticator app and enter the 6-digit code it shows for the Patient Portal.',
      ),
    ).toBeInTheDocument();
    const code = screen.getByLabelText('Security code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');

    await user.type(code, '246 810');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hello, Ana Silva' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(backend.state.verifications).toEqual([{ code: '246810', method: 'totp' }]);
  });

  it('says a code is wrong on the field, with the tries left', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/sign-in' });
    await signInWithPassword(user);

    const code = screen.getByLabelText('Security code');
    await user.type(code, '111111');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    const message = 'That code did not work. Check it and try again (4 tries left).';
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveFocus();
    expect(within(alert).getByRole('link', { name: message })).toHaveAttribute(
      'href',
      `#${code.id}`,
    );
    expect(code).toHaveAccessibleDescription(expect.stringContaining('(4 tries left)'));
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveValue('');

    await user.type(code, '222222');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('(3 tries left)'));
    expect(backend.state.verifications).toHaveLength(2);
  });

  it('checks the code has 6 digits before sending it', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/sign-in' });
    await signInWithPassword(user);

    await user.type(screen.getByLabelText('Security code'), '12345');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The code must be 6 digits.');
    expect(backend.state.verifications).toHaveLength(0);
  });

  it('sends emailed codes again on request', async () => {
    const backend = useBackend([
      account({
        secondFactor: ['email'],
        maskedEmail: 'a***@example.com',
        codes: { email: '135790' },
      }),
    ]);
    const { user } = renderApp({ path: '/sign-in' });
    await signInWithPassword(user);

    expect(
      screen.getByText('We sent a 6-digit code to a***@example.com. It works for 10 minutes.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Use a recovery code instead' }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send a new code' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'We sent a new code to a***@example.com.',
    );
    expect(backend.state.resends).toBe(1);

    await user.type(screen.getByLabelText('Security code'), '135790');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hello, Ana Silva' }),
    ).toBeInTheDocument();
    expect(backend.state.verifications).toEqual([{ code: '135790', method: 'email' }]);
  });

  it('says what to do when an emailed code has expired', async () => {
    useBackend([account({ secondFactor: ['email'], codes: { email: '135790' } })]);
    server.use(http.post(apiPaths.verifyLogin, () => problemResponse(problems.codeExpired())));
    const { user } = renderApp({ path: '/sign-in' });
    await signInWithPassword(user);

    await user.type(screen.getByLabelText('Security code'), '135790');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This code has expired. Ask for a new code and try again.',
    );
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeInTheDocument();
  });

  it('switches to a recovery code when the account has them', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/sign-in' });
    await signInWithPassword(user);

    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));

    const field = screen.getByLabelText('Recovery code');
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute('inputmode', 'text');
    expect(field).not.toHaveAttribute('autocomplete', 'one-time-code');
    expect(
      screen.getByRole('button', { name: 'Use your authenticator app instead' }),
    ).toBeInTheDocument();

    await user.type(field, 'k7dq2-m9x4p');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hello, Ana Silva' }),
    ).toBeInTheDocument();
    expect(backend.state.verifications).toEqual([{ code: 'k7dq2-m9x4p', method: 'recovery-code' }]);
  });

  it('goes back to sign-in, saying why, when the server ends the attempt', async () => {
    const backend = useBackend([account()], 2);
    const { user } = renderApp({ path: '/sign-in' });
    await signInWithPassword(user);

    await user.type(screen.getByLabelText('Security code'), '111111');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    await user.type(screen.getByLabelText('Security code'), '222222');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    const alert = screen.getByRole('alert', { name: 'Please sign in again' });
    expect(alert).toHaveTextContent(problems.signInAgain().detail);
    await waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByLabelText('Username')).toHaveValue('ana');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(backend.state.pending).toBeNull();
  });

  it('lets the person start over from the code step', async () => {
    useBackend();
    const { user } = renderApp({ path: '/sign-in' });
    await signInWithPassword(user);

    await user.click(screen.getByRole('button', { name: 'Start over with your username' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
