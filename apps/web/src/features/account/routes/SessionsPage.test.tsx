import {
  activeSessionFactory,
  createAccountBackend,
  createAuthBackend,
  sessionFactory,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { sessionQueryKey } from '../../../lib/session';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const FIREFOX_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0';

function setUp() {
  const auth = createAuthBackend({ session: sessionFactory() });
  const account = createAccountBackend({
    sessions: [
      activeSessionFactory({
        id: 'a'.repeat(64),
        userAgent: FIREFOX_MAC,
        ip: '198.51.100.4',
        lastSeenAt: '2026-03-01T10:00:00.000Z',
      }),
      activeSessionFactory({ id: 'b'.repeat(64), current: true, ip: '203.0.113.7' }),
      activeSessionFactory({
        id: 'c'.repeat(64),
        userAgent: IPHONE,
        ip: null,
        lastSeenAt: '2026-03-02T09:00:00.000Z',
      }),
    ],
  });
  server.use(...auth.handlers, ...account.handlers);
  return { auth, account };
}

async function openPage() {
  const view = renderApp({ path: '/account/sessions' });
  await screen.findByRole('heading', { level: 1, name: 'Where you are signed in' });
  await screen.findByRole('heading', { level: 2, name: /Chrome on Windows/ });
  return view;
}

describe('sessions page', () => {
  it('tells two devices of the same kind apart by when each signed in', async () => {
    const auth = createAuthBackend({ session: sessionFactory() });
    const account = createAccountBackend({
      sessions: [
        activeSessionFactory({ id: 'b'.repeat(64), current: true }),
        activeSessionFactory({
          id: 'd'.repeat(64),
          userAgent: IPHONE,
          createdAt: '2026-03-01T08:15:00.000Z',
          lastSeenAt: '2026-03-02T09:00:00.000Z',
        }),
        activeSessionFactory({
          id: 'e'.repeat(64),
          userAgent: IPHONE,
          createdAt: '2026-02-20T19:40:00.000Z',
          lastSeenAt: '2026-03-01T09:00:00.000Z',
        }),
      ],
    });
    server.use(...auth.handlers, ...account.handlers);
    await openPage();

    const iphones = screen
      .getAllByRole('heading', { level: 2, name: /^Safari on iPhone/ })
      .map((heading) => heading.textContent);
    expect(iphones).toHaveLength(2);
    expect(iphones[0]).toMatch(/^Safari on iPhone, signed in .*2026/);
    expect(iphones[1]).toMatch(/^Safari on iPhone, signed in .*2026/);
    expect(iphones[0]).not.toBe(iphones[1]);
    // The one device of its kind keeps its plain name.
    expect(screen.getByRole('heading', { level: 2, name: /^Chrome on Windows/ })).toHaveTextContent(
      /^Chrome on Windows This device$/,
    );
  });

  it('lists devices in plain words, this device first, then the most recent', async () => {
    setUp();
    await openPage();

    const titles = screen
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(titles).toEqual([
      'Chrome on Windows This device',
      'Safari on iPhone',
      'Firefox on Mac',
      'Sign out everywhere',
    ]);
    const firefox = screen.getByRole('heading', { level: 2, name: 'Firefox on Mac' })
      .parentElement as HTMLElement;
    expect(within(firefox).getByText('198.51.100.4')).toBeInTheDocument();
    const time = firefox.querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-03-01T10:00:00.000Z');
    expect(time?.textContent).toMatch(/2026/);
    expect(time?.textContent).toMatch(/March|Mar/);
    const iphone = screen.getByRole('heading', { level: 2, name: 'Safari on iPhone' })
      .parentElement as HTMLElement;
    expect(within(iphone).getByText('Not known')).toBeInTheDocument();
    // This device is signed out with the header button, not from the list.
    const current = screen.getByRole('heading', { level: 2, name: /This device/ })
      .parentElement as HTMLElement;
    expect(within(current).queryByRole('button')).not.toBeInTheDocument();
  });

  it('signs out one device and says which', async () => {
    const { account } = setUp();
    const { user } = await openPage();
    const firefox = screen.getByRole('heading', { level: 2, name: 'Firefox on Mac' })
      .parentElement as HTMLElement;

    await user.click(within(firefox).getByRole('button', { name: 'Sign out this device' }));

    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('We signed out Firefox on Mac.');
    await waitFor(() => expect(done.parentElement).toHaveFocus());
    await waitFor(() =>
      expect(
        screen.queryByRole('heading', { level: 2, name: 'Firefox on Mac' }),
      ).not.toBeInTheDocument(),
    );
    expect(account.state.endedSessions).toEqual(['a'.repeat(64)]);
  });

  it('signs out everywhere after asking once', async () => {
    const { auth } = setUp();
    const { user, router, queryClient } = await openPage();

    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(
      screen.getByText('Sign out on every device now, including this one?'),
    ).toBeInTheDocument();
    const yes = screen.getByRole('button', { name: 'Yes, sign out everywhere' });
    expect(yes).toHaveFocus();
    await user.click(yes);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'You are signed out on all your devices, including this one.',
    );
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(auth.state.logoutsEverywhere).toBe(1);
    expect(queryClient.getQueryData(sessionQueryKey)).toBeNull();
    expect(queryClient.getQueryData(['account', 'sessions'])).toBeUndefined();
  });

  it('can be cancelled, and focus goes back to the button', async () => {
    const { auth } = setUp();
    const { user } = await openPage();

    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toHaveFocus();
    expect(auth.state.logoutsEverywhere).toBe(0);
  });
});
