import {
  apiPaths,
  mockSignedIn,
  problemFactory,
  problemResponse,
  sessionFactory,
  staffSessionFactory,
} from '@portal/api-mocks';
import { screen } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../testing/render-app';
import { server } from '../../testing/server';

describe('session guard', () => {
  it('sends a signed-out visitor to sign-in, keeping the wanted page out of the URL', async () => {
    const { router } = renderApp({ path: '/' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('');
    expect(router.state.location.state).toEqual({
      from: { pathname: '/', search: '', hash: '' },
    });
    expect(screen.getByText('Sign in to continue.')).toBeInTheDocument();
  });

  it('shows the page to a signed-in staff member', async () => {
    server.use(...mockSignedIn(staffSessionFactory({ user: { displayName: 'Sam Okafor' } })));
    renderApp({ path: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Sam Okafor' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Signed in as Sam Okafor')).toBeInTheDocument();
  });

  it('turns patient accounts to the patient portal', async () => {
    server.use(...mockSignedIn(sessionFactory()));
    renderApp({ path: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This area is for clinic staff' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the patient portal' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('shows the error page when the session cannot be checked', async () => {
    // React reports errors caught by a boundary on console.error; expected here.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    server.use(
      http.get(apiPaths.session, () =>
        problemResponse(
          problemFactory({ status: 503, code: 'service.unavailable', title: 'Unavailable' }),
        ),
      ),
    );
    renderApp({ path: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Something went wrong' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.queryByText(/503|service\.unavailable/)).not.toBeInTheDocument();
    consoleError.mockRestore();
  });
});
