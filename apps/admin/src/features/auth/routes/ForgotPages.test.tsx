import { apiPaths, createRecoveryBackend } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

function useBackend() {
  const backend = createRecoveryBackend();
  server.use(...backend.handlers);
  return backend;
}

const SAME_ANSWER = 'If an account matches, we sent an email with a link.';

describe('forgotten password', () => {
  it('asks for a link and gives the same answer whatever was typed', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/forgot-password' });

    const field = await screen.findByLabelText('Username or email');
    expect(field).toHaveAttribute('autocomplete', 'username');
    await user.type(field, 'ana@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    const answer = await screen.findByRole('status', { name: 'Check your email' });
    expect(answer).toHaveTextContent(SAME_ANSWER);
    await waitFor(() => expect(answer.parentElement).toHaveFocus());
    expect(backend.state.resetRequests).toEqual([{ identifier: 'ana@example.com' }]);

    await user.click(screen.getByRole('button', { name: 'Send another link' }));
    await user.type(screen.getByLabelText('Username or email'), 'nobody.here');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByRole('status', { name: 'Check your email' })).toHaveTextContent(
      SAME_ANSWER,
    );
    expect(backend.state.resetRequests).toHaveLength(2);
  });

  it('asks for the field without sending anything when it is empty', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/forgot-password' });

    await user.click(await screen.findByRole('button', { name: 'Send reset link' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveFocus();
    expect(
      within(alert).getByRole('link', { name: 'Enter your username or email' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Username or email')).toHaveAccessibleDescription(
      'Enter your username or email',
    );
    expect(backend.state.resetRequests).toHaveLength(0);
  });

  it('says what to do when the portal cannot be reached', async () => {
    server.use(http.post(apiPaths.passwordReset, () => HttpResponse.error()));
    const { user } = renderApp({ path: '/forgot-password' });

    await user.type(await screen.findByLabelText('Username or email'), 'ana');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The portal could not be reached. Check your connection and try again.',
    );
    expect(screen.queryByRole('status', { name: 'Check your email' })).not.toBeInTheDocument();
  });
});

describe('forgotten username', () => {
  it('emails the username without saying whether the address is known', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/forgot-username' });

    const field = await screen.findByLabelText('Email');
    expect(field).toHaveAttribute('type', 'email');
    await user.type(field, 'ana@example.com');
    await user.click(screen.getByRole('button', { name: 'Send username' }));

    expect(await screen.findByRole('status', { name: 'Check your email' })).toHaveTextContent(
      'If an account uses this email, we sent it the username.',
    );
    expect(backend.state.usernameReminders).toEqual([{ email: 'ana@example.com' }]);
  });

  it('checks the address looks like one before sending', async () => {
    const backend = useBackend();
    const { user } = renderApp({ path: '/forgot-username' });

    await user.type(await screen.findByLabelText('Email'), 'ana.example.com');
    await user.click(screen.getByRole('button', { name: 'Send username' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Enter an email like name@clinic.example',
    );
    expect(backend.state.usernameReminders).toHaveLength(0);
  });
});
