import { apiPaths, createRecoveryBackend, problemResponse, problems } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

const TOKEN = 'reset-token-abc';
const GOOD = 'purple tractor sings loudly';

function useBackend() {
  const backend = createRecoveryBackend({ resetTokens: { [TOKEN]: 'ana.silva' } });
  server.use(...backend.handlers);
  return backend;
}

async function openLink() {
  const view = renderApp({ path: `/reset-password#token=${TOKEN}` });
  await screen.findByRole('heading', { level: 1, name: 'Choose a new password' });
  return view;
}

describe('reset password page', () => {
  it('takes the token out of the address at once and keeps it out of the title', async () => {
    useBackend();
    const { router } = await openLink();

    await waitFor(() => expect(router.state.location.hash).toBe(''));
    expect(router.state.location.search).toBe('');
    expect(router.state.location.pathname).toBe('/reset-password');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(document.title).toBe('Choose a new password – Staff Portal');
    expect(document.title).not.toContain(TOKEN);
  });

  it('sets the new password and sends the person to sign in', async () => {
    const backend = useBackend();
    const { user, router } = await openLink();

    await user.type(screen.getByLabelText('New password'), GOOD);
    await user.type(screen.getByLabelText('Confirm new password'), GOOD);
    await user.click(screen.getByRole('button', { name: 'Save password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Password saved. Sign in with your new password.',
    );
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(backend.state.resetCompletions).toEqual([{ token: TOKEN, password: GOOD }]);
  });

  it("shows the server's password rules beside the field", async () => {
    const backend = useBackend();
    const { user } = await openLink();

    await user.type(screen.getByLabelText('New password'), 'my name is ana.silva');
    await user.type(screen.getByLabelText('Confirm new password'), 'my name is ana.silva');
    await user.click(screen.getByRole('button', { name: 'Save password' }));

    const alert = await screen.findByRole('alert');
    const message = 'Your password must not contain your username.';
    expect(within(alert).getByRole('link', { name: message })).toBeInTheDocument();
    expect(alert).toHaveFocus();
    const field = screen.getByLabelText('New password');
    expect(field).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(backend.state.resetCompletions).toHaveLength(1);
  });

  it('checks length and that both passwords match before sending', async () => {
    const backend = useBackend();
    const { user } = await openLink();

    await user.type(screen.getByLabelText('New password'), 'short one');
    await user.type(screen.getByLabelText('Confirm new password'), 'short two');
    await user.click(screen.getByRole('button', { name: 'Save password' }));

    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByRole('link', {
        name: 'Use at least 12 characters.',
      }),
    ).toBeInTheDocument();
    expect(
      within(alert).getByRole('link', {
        name: 'The passwords do not match.',
      }),
    ).toBeInTheDocument();
    expect(backend.state.resetCompletions).toHaveLength(0);
  });

  it('explains the strength of the password in words as it is typed', async () => {
    useBackend();
    const { user } = await openLink();
    const field = screen.getByLabelText('New password');

    await user.type(field, 'password1234');
    expect(screen.getByText('Strength: weak')).toBeInTheDocument();
    expect(screen.getByText('Contains a common word or a year.')).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Strength: weak'));

    await user.clear(field);
    await user.type(field, GOOD);
    expect(screen.getByText('Strength: strong')).toBeInTheDocument();
    expect(screen.queryByText(/common word/)).not.toBeInTheDocument();
  });

  it('says when the link has expired or was used, and how to get a new one', async () => {
    useBackend();
    server.use(
      http.post(apiPaths.passwordResetComplete, () => problemResponse(problems.linkInvalid())),
    );
    const { user } = await openLink();

    await user.type(screen.getByLabelText('New password'), GOOD);
    await user.type(screen.getByLabelText('Confirm new password'), GOOD);
    await user.click(screen.getByRole('button', { name: 'Save password' }));

    expect(
      await screen.findByRole('alert', { name: 'This link no longer works' }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  it('says the link is incomplete when there is no token', async () => {
    renderApp({ path: '/reset-password' });

    expect(
      await screen.findByRole('alert', { name: 'This link is incomplete' }),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
  });
});
