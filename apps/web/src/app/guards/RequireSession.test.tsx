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
    expect(screen.getByText('Please sign in to continue.')).toBeInTheDocument();
  });

  it('shows the page to a signed-in patient', async () => {
    server.use(...mockSignedIn(sessionFactory({ user: { displayName: 'Ana Silva' } })));
    renderApp({ path: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hello, Ana Silva' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Signed in as Ana Silva')).toBeInTheDocument();
  });

  it('turns staff accounts to the staff portal', async () => {
    server.use(...mockSignedIn(staffSessionFactory()));
    renderApp({ path: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This portal is for patients' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the staff portal' })).toHaveAttribute(
      'href',
      '/admin/',
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
