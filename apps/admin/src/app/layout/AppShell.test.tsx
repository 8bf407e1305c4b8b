import {
  apiPaths,
  createAccountBackend,
  createAuthBackend,
  problemFactory,
  problemResponse,
  staffSessionFactory,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { sessionQueryKey } from '../../lib/session';
import { renderApp } from '../../testing/render-app';
import { server } from '../../testing/server';

function signedIn() {
  const backend = createAuthBackend({
    session: staffSessionFactory({ user: { displayName: 'Sam Okafor' } }),
  });
  server.use(...backend.handlers);
  return backend;
}

describe('app shell', () => {
  it('names the clinic in the header, marked as the staff app, with its logo', async () => {
    signedIn();
    server.use(
      http.get('/api/v1/clinic', () =>
        HttpResponse.json({
          name: 'Riverside Family Clinic',
          brandColor: '#1f6f5c',
          logoUrl: '/api/v1/clinic/logo?v=0123456789abcdef',
        }),
      ),
    );
    renderApp({ path: '/' });

    const home = await screen.findByRole('link', { name: 'Riverside Family Clinic Staff' });
    expect(within(home).getByRole('presentation', { hidden: true })).toHaveAttribute(
      'src',
      '/api/v1/clinic/logo?v=0123456789abcdef',
    );
  });

  it('lists the sections that work in the menu, the current one marked', async () => {
    signedIn();
    renderApp({ path: '/' });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    // Home first, the person's own account last; the role's sections sit between.
    expect(links[0]).toHaveTextContent('Home');
    expect(links[0]).toHaveAttribute('aria-current', 'page');
    expect(links.at(-1)).toHaveTextContent('My account');
    expect(links.at(-1)).not.toHaveAttribute('aria-current');
  });

  it('offers My account once, as the last menu entry, and it opens the account page', async () => {
    signedIn();
    server.use(...createAccountBackend().handlers);
    const { user } = renderApp({ path: '/' });
    await screen.findByRole('heading', { level: 1 });

    const accountLinks = screen.getAllByRole('link', { name: 'My account' });
    expect(accountLinks).toHaveLength(1);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').at(-1)).toBe(accountLinks[0]);
    // The header keeps who is signed in and sign-out; the menu is not inside it.
    const header = within(screen.getByRole('banner'));
    expect(header.getByText('Signed in as Sam Okafor')).toBeInTheDocument();
    expect(header.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(header.queryByRole('navigation')).not.toBeInTheDocument();

    await user.click(accountLinks[0] as HTMLElement);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign-in and security' }),
    ).toBeInTheDocument();
    expect(accountLinks[0]).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe('Sign-in and security – Staff Portal');
  });

  it('has the landmarks and a single first-level heading', async () => {
    signedIn();
    renderApp({ path: '/' });

    await screen.findByRole('heading', { level: 1 });
    const banner = screen.getByRole('banner');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const main = screen.getByRole('main');
    // Banner, then the menu, then the page: the order keyboard and screen-reader users meet.
    expect(banner.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(nav.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
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
    expect(screen.queryByText('Signed in as Sam Okafor')).not.toBeInTheDocument();
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

    expect(await screen.findByRole('alert')).toHaveTextContent('Sign-out did not go through.');
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
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    expect(document.title).toBe('Page not found – Staff Portal');
  });
});
