import {
  apiPaths,
  createAuthBackend,
  problemFactory,
  problemResponse,
  sessionFactory,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { sessionQueryKey } from '../../lib/session';
import { mockApi } from '../../testing/mock-api';
import { renderApp } from '../../testing/render-app';
import { server } from '../../testing/server';

function signedIn() {
  const backend = createAuthBackend({
    session: sessionFactory({ user: { displayName: 'Ana Silva' } }),
  });
  server.use(...backend.handlers);
  return backend;
}

describe('app shell', () => {
  it('names the clinic in the header, with its logo and colour', async () => {
    signedIn();
    mockApi('get', '/api/v1/clinic', {
      name: 'Riverside Family Clinic',
      brandColor: '#1f6f5c',
      logoUrl: '/api/v1/clinic/logo?v=0123456789abcdef',
      phone: '+1 555 010 0100',
    });
    renderApp({ path: '/' });

    const home = await screen.findByRole('link', { name: 'Riverside Family Clinic' });
    expect(within(home).getByRole('presentation', { hidden: true })).toHaveAttribute(
      'src',
      '/api/v1/clinic/logo?v=0123456789abcdef',
    );
    await waitFor(() =>
      expect(document.documentElement.style.getPropertyValue('--color-primary')).toBe('#1f6f5c'),
    );
  });

  it('lists the sections that work in the menu, the current one marked', async () => {
    signedIn();
    renderApp({ path: '/' });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Home',
      'Appointments',
      'Test results',
      'Health record',
      'Medications',
      'Messages',
      'Account',
    ]);
    expect(links[0]).toHaveAttribute('aria-current', 'page');
    for (const link of links.slice(1)) {
      expect(link).not.toHaveAttribute('aria-current');
    }
  });

  it('has the landmarks and a single first-level heading', async () => {
    signedIn();
    renderApp({ path: '/' });

    await screen.findByRole('heading', { level: 1 });
    const banner = screen.getByRole('banner');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const main = screen.getByRole('main');
    // Banner, then the menu, then the page: the order keyboard and screen-reader users meet,
    // whether the menu shows under the header (phones) or at the side (desktop).
    expect(banner.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(nav.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(banner).queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('signs out on the server and returns to sign-in', async () => {
    const backend = signedIn();
    const { user, router, queryClient } = renderApp({ path: '/' });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(backend.state.logouts).toBe(1);
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(screen.getByRole('status')).toHaveTextContent('You are signed out.');
    expect(queryClient.getQueryData(sessionQueryKey)).toBeNull();
    expect(screen.queryByText('Signed in as Ana Silva')).not.toBeInTheDocument();
  });

  it('says so when signing out fails, and stays signed in', async () => {
    signedIn();
    server.use(
      http.post(apiPaths.logout, () =>
        problemResponse(problemFactory({ status: 500, code: 'internal', title: 'Error' })),
      ),
    );
    const { user, router } = renderApp({ path: '/' });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not sign you out.');
    expect(router.state.location.pathname).toBe('/');
  });

  it('lets keyboard users skip to the main content', async () => {
    signedIn();
    const { user } = renderApp({ path: '/' });
    await screen.findByRole('heading', { level: 1 });

    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus());
  });

  it('shows a not-found page for unknown addresses', async () => {
    signedIn();
    renderApp({ path: '/no/such/page' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your home page' })).toHaveAttribute('href', '/');
    expect(document.title).toBe('Page not found – Patient Portal');
  });
});
