import { createRecoveryBackend } from '@portal/api-mocks';
import { screen, waitFor } from '@testing-library/react';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

describe('unlock page', () => {
  it('unlocks on confirmation and says the person can sign in', async () => {
    const backend = createRecoveryBackend({ unlockTokens: ['unlock-123'] });
    server.use(...backend.handlers);
    const { user, router } = renderApp({ path: '/unlock#token=unlock-123' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Unlock sign-in' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.hash).toBe(''));
    // Nothing is used up until the person confirms (mail scanners open links too).
    expect(backend.state.unlocks).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Unlock account' }));

    const done = await screen.findByRole('status', { name: 'Account unlocked' });
    expect(done).toHaveTextContent('You can sign in now.');
    expect(backend.state.unlocks).toEqual([{ token: 'unlock-123' }]);
    await user.click(screen.getByRole('link', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });

  it('says when the link has expired or was already used', async () => {
    const backend = createRecoveryBackend({ unlockTokens: [] });
    server.use(...backend.handlers);
    const { user } = renderApp({ path: '/unlock#token=used-token' });

    await user.click(await screen.findByRole('button', { name: 'Unlock account' }));

    const alert = await screen.findByRole('alert', { name: 'This link no longer works' });
    expect(alert).toHaveTextContent('wait 15 minutes or reset your password');
    expect(screen.queryByRole('button', { name: 'Unlock account' })).not.toBeInTheDocument();
  });
});
