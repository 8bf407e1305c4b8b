import {
  apiPaths,
  createAccountBackend,
  createAuthBackend,
  problemResponse,
  recoveryCodesFactory,
  staffSessionFactory,
  type AccountBackendOptions,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

const CURRENT = 'current passphrase here';
const NEXT = 'seven green lanterns at dawn';

function setUp(options: AccountBackendOptions = {}) {
  server.use(
    ...createAuthBackend({
      session: staffSessionFactory({ user: { username: 'ana.silva', displayName: 'Ana Silva' } }),
    }).handlers,
  );
  const account = createAccountBackend({ username: 'ana.silva', password: CURRENT, ...options });
  server.use(...account.handlers);
  return account;
}

async function openPage() {
  const view = renderApp({ path: '/account' });
  await screen.findByRole('heading', { level: 1, name: 'Sign-in and security' });
  await screen.findByRole('heading', { level: 2, name: 'Password' });
  return view;
}

describe('account security page', () => {
  it('is reached from the My account menu entry', async () => {
    setUp();
    const { user } = renderApp({ path: '/' });

    const nav = within(await screen.findByRole('navigation', { name: 'Main' }));
    await user.click(nav.getByRole('link', { name: 'My account' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Sign-in and security',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    const main = within(screen.getByRole('navigation', { name: 'Main' }));
    expect(main.getByRole('link', { name: 'My account' })).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe('Sign-in and security – Staff Portal');
  });

  it('says who is signed in, with which roles and until when', async () => {
    // Relative to now: a session whose absolute end has passed is no session at all.
    const absoluteExpiresAt = new Date(Date.now() + 6 * 60 * 60_000).toISOString();
    server.use(
      ...createAuthBackend({
        session: staffSessionFactory({
          user: {
            username: 'ana.silva',
            displayName: 'Ana Silva',
            roles: ['nurse', 'front-desk', 'research-lead'],
          },
          absoluteExpiresAt,
        }),
      }).handlers,
      ...createAccountBackend({ username: 'ana.silva', password: CURRENT }).handlers,
    );
    await openPage();

    const details = screen.getByRole('region', { name: 'Your account' });
    expect(details).toHaveTextContent('ana.silva');
    const roles = within(details).getAllByRole('listitem');
    // Known roles get a readable label; an unknown one is shown as the API names it.
    expect(roles.map((item) => item.textContent)).toEqual(['Nurse', 'Front desk', 'research-lead']);
    expect(details.querySelector('time')).toHaveAttribute('datetime', absoluteExpiresAt);
  });

  describe('change password', () => {
    it('shows the server’s field errors beside each field', async () => {
      const account = setUp();
      const { user } = await openPage();

      await user.click(screen.getByRole('button', { name: 'Change password' }));
      await user.type(screen.getByLabelText('Current password'), 'not my password');
      await user.type(screen.getByLabelText('New password'), NEXT);
      await user.type(screen.getByLabelText('Confirm new password'), NEXT);
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
      await user.clear(screen.getByLabelText('Confirm new password'));
      await user.type(screen.getByLabelText('Confirm new password'), 'ana.silva is me 2026');
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
      await user.type(screen.getByLabelText('Confirm new password'), NEXT);
      await user.click(screen.getByRole('button', { name: 'Change password' }));

      const done = await screen.findByRole('status', { name: 'Password changed' });
      expect(done).toHaveTextContent('All your other sessions were signed out.');
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
    expect(screen.getByText('Off: password only.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Set up authenticator app' }));
    // The password comes first: a session left open on a shared computer cannot swap the app.
    const confirmTitle = screen.getByRole('heading', {
      level: 3,
      name: 'Set up authenticator app',
    });
    expect(confirmTitle).toHaveFocus();
    await user.type(screen.getByLabelText('Current password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const password = screen.getByLabelText('Current password');
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
      name: 'Set up authenticator app',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open in authenticator app' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^otpauth:\/\/totp\//),
    );
    expect(account.state.totpSetups).toBe(1);

    const code = screen.getByLabelText('Code from the app');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That code did not match. Check the time on your phone and try the newest code.',
    );

    await user.type(screen.getByLabelText('Code from the app'), '314159');
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
        'Authenticator app set up. You will enter a code from it at each sign-in.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(codes[0] ?? '')).not.toBeInTheDocument();
    expect(await screen.findByText('On: authenticator app.')).toBeInTheDocument();
    expect(
      screen.getByText('10 recovery codes left. Use one if your phone is not available.'),
    ).toBeInTheDocument();
    expect(account.state.totpConfirmations).toEqual([{ code: '000000' }, { code: '314159' }]);
    click.mockRestore();
  });

  it('asks for the password again when the set-up timed out', async () => {
    const account = setUp({ totp: { code: '314159' } });
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'Set up authenticator app' }));
    await user.type(screen.getByLabelText('Current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Set up authenticator app' });
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

    await user.type(screen.getByLabelText('Code from the app'), '314159');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));

    const expired = await screen.findByRole('heading', { level: 3, name: 'Set-up timed out' });
    await waitFor(() => expect(expired).toHaveFocus());
    expect(screen.queryByLabelText('Code from the app')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Current password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
        'Your current password is not right.',
      ),
    );
    await user.type(screen.getByLabelText('Current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Start again' }));

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Set up authenticator app',
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(account.state.totpSetups).toBe(2);
    await user.type(screen.getByLabelText('Code from the app'), '314159');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Save your recovery codes' }),
    ).toBeInTheDocument();
  });

  it('switches to emailed codes after the password confirms it', async () => {
    const account = setUp({ security: { secondFactor: 'totp', recoveryCodesRemaining: 2 } });
    const { user } = await openPage();
    expect(screen.getByText('Few recovery codes left. Generate new ones.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Use emailed codes' }));
    const title = screen.getByRole('heading', { level: 3, name: 'Use emailed codes' });
    expect(title).toHaveFocus();
    await user.type(screen.getByLabelText('Current password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Use emailed codes' }));

    const field = screen.getByLabelText('Current password');
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription('Your current password is not right.'),
    );
    expect(field).toHaveFocus();

    await user.type(field, CURRENT);
    await user.click(screen.getByRole('button', { name: 'Use emailed codes' }));

    expect(
      await screen.findByText('Second step changed: you will get a code by email at each sign-in.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('On: code by email.')).toBeInTheDocument();
    expect(account.state.secondFactorChanges).toEqual([
      { method: 'email', password: 'wrong' },
      { method: 'email', password: CURRENT },
    ]);
  });

  it('turns the extra step off with the password', async () => {
    const account = setUp({ security: { secondFactor: 'email' } });
    const { user } = await openPage();

    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    await user.type(screen.getByLabelText('Current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Turn off' }));

    expect(
      await screen.findByText('Second step turned off. You sign in with your password only.'),
    ).toBeInTheDocument();
    expect(account.state.security.secondFactor).toBe('none');
  });

  it('replaces recovery codes and shows the new ones once', async () => {
    const account = setUp({ security: { secondFactor: 'totp', recoveryCodesRemaining: 6 } });
    const { user } = await openPage();
    expect(screen.getByText(/6 recovery codes left/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Generate new codes' }));
    await user.type(screen.getByLabelText('Current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Generate' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Save your recovery codes' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      expect.arrayContaining(recoveryCodesFactory('n')),
    );
    await user.click(screen.getByRole('button', { name: 'I saved them' }));
    expect(
      await screen.findByText('New recovery codes are active. The old ones no longer work.'),
    ).toBeInTheDocument();
    expect(account.state.recoveryCodeRequests).toEqual([{ password: CURRENT }]);
  });

  it('hides "Turn off" when the clinic requires a second step for staff', async () => {
    setUp({
      security: { secondFactor: 'totp', secondFactorRequired: true, recoveryCodesRemaining: 10 },
    });
    await openPage();

    expect(
      screen.getByText('Required for staff accounts by clinic policy; it cannot be turned off.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Turn off' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Use emailed codes' })).toBeInTheDocument();
  });

  it('shows the policy refusal when the server insists on a second step', async () => {
    const account = setUp({ security: { secondFactor: 'email' } });
    const { user } = await openPage();
    // The policy changed after the page loaded: the API refuses with 422.
    account.state.security = { ...account.state.security, secondFactorRequired: true };

    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    await user.type(screen.getByLabelText('Current password'), CURRENT);
    await user.click(screen.getByRole('button', { name: 'Turn off' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your clinic requires a second sign-in step for staff accounts.',
    );
    expect(account.state.security.secondFactor).toBe('email');
  });
});
