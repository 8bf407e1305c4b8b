import {
  apiPaths,
  createAccountBackend,
  createAuthBackend,
  problemResponse,
  recoveryCodesFactory,
  sessionFactory,
  type AccountBackendOptions,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';
// Compiled up front, so the lazy route resolves as fast as it would in a browser and the first
// test does not spend its wait on the compiler.
import './SecurityPage';

const CURRENT = 'current passphrase here';
const NEXT = 'seven green lanterns at dawn';

function setUp(options: AccountBackendOptions = {}) {
  server.use(
    ...createAuthBackend({
      session: sessionFactory({ user: { username: 'ana.silva', displayName: 'Ana Silva' } }),
    }).handlers,
  );
  const account = createAccountBackend({ username: 'ana.silva', password: CURRENT, ...options });
  server.use(...account.handlers);
  return account;
}

async function openPage() {
  const view = renderApp({ path: '/account' });
  await screen.findByRole('heading', { level: 1, name: 'Password and security' });
  await screen.findByRole('heading', { level: 2, name: 'Password' });
  return view;
}

describe('account security page', () => {
  it('is reached from the Account menu entry', async () => {
    setUp();
    const { user } = renderApp({ path: '/' });

    await screen.findByRole('heading', { level: 1, name: 'Hello, Ana Silva' });
    await user.click(await screen.findByRole('link', { name: 'Account' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Password and security',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    const main = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(main.getByRole('link', { name: 'Account' })).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe('Password and security – Patient Portal');
  });

  describe('change password', () => {
    it('shows the server’s field errors beside each field', async () => {
      const account = setUp();
      const { user } = await openPage();

      await user.click(screen.getByRole('button', { name: 'Change password' }));
      await user.type(screen.getByLabelText('Current password'), 'not my password');
      await user.type(screen.getByLabelText('New password'), NEXT);
      await user.type(screen.getByLabelText('Type the new password again'), NEXT);
      await user.click(screen.getByRole('button', { name: 'Change password' }));

      const alert = await screen.findByRole('alert');
      expect(alert).toHaveFocus();
      const current = screen.getByLabelText('Current password');
      expect(current).toHaveAccessibleDescription('Your current password is not right.');
      expect(current).toHaveValue('');
      expect(
        within(alert).getByRole('link', { name: 'Your current password is not right.' }),
      ).toHaveAttribute('href', `#${current.id}`);

      await user.type(current, CURRENT);
      await user.clear(screen.getByLabelText('New password'));
      await user.type(screen.getByLabelText('New password'), 'ana.silva is me 2026');
      await user.clear(screen.getByLabelText('Type the new password again'));
      await user.type(screen.getByLabelText('Type the new password again'), 'ana.silva is me 2026');
      await user.click(screen.getByRole('button', { name: 'Change password' }));

      await waitFor(() =>
        expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
          expect.stringContaining('Your password must not contain your username.'),
        ),
      );
      expect(screen.getByLabelText('Current password')).not.toHaveAttribute('aria-invalid');
      expect(account.state.passwordChanges).toHaveLength(2);
      expect(account.state.password).toBe(CURRENT);
    });

    it('confirms in words that other devices were signed out', async () => {
      const account = setUp();
      const { user } = await openPage();

      await user.click(screen.getByRole('button', { name: 'Change password' }));
      expect(screen.getByLabelText('Current password')).toHaveFocus();
      await user.type(screen.getByLabelText('Current password'), CURRENT);
      await user.type(screen.getByLabelText('New password'), NEXT);
      await user.type(screen.getByLabelText('Type the new password again'), NEXT);
      await user.click(screen.getByRole('button', { name: 'Change password' }));

      const done = await screen.findByRole('status', { name: 'Your password is changed' });
      expect(done).toHaveTextContent('We signed you out on your other devices.');
      await waitFor(() => expect(done.parentElement).toHaveFocus());
      expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
      expect(account.state.passwordChanges).toEqual([
        { currentPassword: CURRENT, newPassword: NEXT },
      ]);
    });
  });

  it('sets up an authenticator app through to the recovery codes', async () => {
    const codes = recoveryCodesFactory('r');
    const account = setUp({
      totp: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', code: '314159' },
      recoveryCodes: codes,
    });
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:recovery-codes');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = await openPage();
    expect(screen.getByText('Off. You sign in with your password only.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Set up an authenticator app' }));
    // The password comes first: a session left open on a shared computer cannot swap the app.
    const confirmTitle = screen.getByRole('heading', {
      level: 3,
      name: 'Set up an authenticator app',
    });
    expect(confirmTitle).toHaveFocus();
    await user.type(screen.getByLabelText('Your current password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const password = screen.getByLabelText('Your current password');
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription('Your current password is not right.'),
    );
    expect(password).toHaveFocus();
    expect(screen.queryByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).not.toBeInTheDocument();
    expect(account.state.totpSetups).toBe(0);

    await user.type(password, CURRENT);
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Set up an authenticator app',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open in my authenticator app' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^otpauth:\/\/totp\//),
    );
    expect(account.state.totpSetups).toBe(1);

    const code = screen.getByLabelText('6-digit code from the app');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That code did not match. Check the time on your phone and try the newest code.',
    );

    await user.type(screen.getByLabelText('6-digit code from the app'), '314159');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));

    const codesHeading = await screen.findByRole('heading', {
      level: 1,
      name: 'Save your recovery codes',
    });
    await waitFor(() => expect(codesHeading).toHaveFocus());
    const list = screen.getByRole('list', { name: 'Your recovery codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(codes);

    await user.click(screen.getByRole('button', { name: 'Download as text' }));
    expect(click).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(blob?.type).toBe('text/plain;charset=utf-8');
    const text = await blob?.text();
    for (const each of codes) {
      expect(text).toContain(each);
    }
    expect(text).toContain('ana.silva');

    await user.click(screen.getByRole('button', { name: 'I saved them' }));

    expect(
      await screen.findByText(
        'Your authenticator app is set up. From now on, you will enter a code from the app each time you sign in.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(codes[0] ?? '')).not.toBeInTheDocument();
    expect(
      await screen.findByText(
        'On. You enter a code from your authenticator app each time you sign in.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'You have 10 recovery codes left. Use one to sign in if you cannot use your phone.',
      ),
    ).toBeInTheDocument();
    expect(account.state.totpConfirmations).toEqual([{ code: '000000' }, { code: '314159' }]);
    click.mockRestore();
  });

  it('asks for the password again when the set-up took too long', async () => {
    const account = setUp({ totp: { code: '314159' } });
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'Set up an authenticator app' }));
    await user.type(screen.getByLabelText('Your current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Set up an authenticator app' });
    server.use(
      http.post(
        apiPaths.totpConfirm,
        () =>
          problemResponse({
            type: 'about:blank',
            status: 409,
            code: 'no_setup_in_progress',
            title: 'Start again',
            detail: 'Start the authenticator set-up again, then enter the code it shows.',
          }),
        { once: true },
      ),
    );

    await user.type(screen.getByLabelText('6-digit code from the app'), '314159');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));

    const expired = await screen.findByRole('heading', {
      level: 3,
      name: 'The set-up took too long',
    });
    await waitFor(() => expect(expired).toHaveFocus());
    expect(screen.queryByLabelText('6-digit code from the app')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Your current password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Your current password')).toHaveAccessibleDescription(
        'Your current password is not right.',
      ),
    );
    await user.type(screen.getByLabelText('Your current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Start again' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Set up an authenticator app',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(account.state.totpSetups).toBe(2);
    await user.type(screen.getByLabelText('6-digit code from the app'), '314159');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Save your recovery codes' }),
    ).toBeInTheDocument();
  });

  it('switches to emailed codes after the password confirms it', async () => {
    const account = setUp({ security: { secondFactor: 'totp', recoveryCodesRemaining: 2 } });
    const { user } = await openPage();
    expect(
      screen.getByText('You are running low on recovery codes. Get new ones.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Use codes sent by email' }));
    const title = screen.getByRole('heading', { level: 3, name: 'Use codes sent by email' });
    expect(title).toHaveFocus();
    await user.type(screen.getByLabelText('Your current password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Use email codes' }));

    const field = screen.getByLabelText('Your current password');
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription('Your current password is not right.'),
    );
    expect(field).toHaveFocus();

    await user.type(field, CURRENT);
    await user.click(screen.getByRole('button', { name: 'Use email codes' }));

    expect(
      await screen.findByText('From now on, we will email you a code each time you sign in.'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('On. We email you a code each time you sign in.'),
    ).toBeInTheDocument();
    expect(account.state.secondFactorChanges).toEqual([
      { method: 'email', password: 'wrong' },
      { method: 'email', password: CURRENT },
    ]);
  });

  it('turns the extra step off with the password', async () => {
    const account = setUp({ security: { secondFactor: 'email' } });
    const { user } = await openPage();

    await user.click(screen.getByRole('button', { name: 'Turn off the extra step' }));
    await user.type(screen.getByLabelText('Your current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Turn it off' }));

    expect(
      await screen.findByText(
        'The extra sign-in step is off. You now sign in with your password only.',
      ),
    ).toBeInTheDocument();
    expect(account.state.security.secondFactor).toBe('none');
  });

  it('replaces recovery codes and shows the new ones once', async () => {
    const account = setUp({ security: { secondFactor: 'totp', recoveryCodesRemaining: 6 } });
    const { user } = await openPage();
    expect(screen.getByText(/You have 6 recovery codes left/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Get new recovery codes' }));
    await user.type(screen.getByLabelText('Your current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Get new codes' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Save your recovery codes' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      expect.arrayContaining(recoveryCodesFactory('n')),
    );
    await user.click(screen.getByRole('button', { name: 'I saved them' }));
    expect(
      await screen.findByText('Your new recovery codes are ready. The old ones no longer work.'),
    ).toBeInTheDocument();
    expect(account.state.recoveryCodeRequests).toEqual([{ password: CURRENT }]);
  });
});
