import { createAccountBackend, createAuthBackend, sessionFactory } from '@portal/api-mocks';
import { deviceTimeZone, formatDateTime } from '@portal/ui';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { accessLogEntryFactory } from '../../../testing/factories';
import { mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';
import type { AccessLogEntry } from '../api';

const PATIENT_ID = '0190b5d2-7c4e-7000-8000-00000000a11c';

function signedIn() {
  const session = sessionFactory({ user: { patientId: PATIENT_ID, displayName: 'Ana Silva' } });
  server.use(...createAuthBackend({ session }).handlers);
}

const LOG_PATH = '/api/v1/patients/{patientId}/access-log';

/** The log in pages of 20, the second asked for with the first's cursor. */
function useLog(entries: AccessLogEntry[]) {
  signedIn();
  return mockApi('get', LOG_PATH, ({ query }) =>
    query.cursor === 'page-2'
      ? { items: entries.slice(20), nextCursor: null }
      : { items: entries.slice(0, 20), nextCursor: entries.length > 20 ? 'page-2' : null },
  );
}

function entries(count: number): AccessLogEntry[] {
  return Array.from({ length: count }, (_, index) =>
    accessLogEntryFactory({
      occurredAt: new Date(Date.UTC(2026, 2, 2, 15, 0) - index * 3_600_000).toISOString(),
      staffName: `Staff member ${index + 1}`,
    }),
  );
}

describe('who viewed my record', () => {
  it('makes one entry of one person’s sitting, with its steps on request', async () => {
    const shah = { staffName: 'Dr. Priya Shah', staffRoles: ['provider' as const] };
    const reads = Array.from({ length: 18 }, (_, index) =>
      accessLogEntryFactory({
        ...shah,
        occurredAt: new Date(Date.UTC(2026, 2, 2, 15, 20) - index * 20_000).toISOString(),
        action: 'condition.list',
        description: 'Looked at your list of conditions',
      }),
    );
    useLog([
      ...reads.slice(0, 9),
      accessLogEntryFactory({
        ...shah,
        occurredAt: '2026-03-02T15:16:00.000Z',
        action: 'result.create',
        description: 'Recorded a test result for you',
      }),
      ...reads.slice(9),
      accessLogEntryFactory({
        occurredAt: '2026-03-01T09:00:00.000Z',
        staffName: 'Nico Navarro, RN',
        staffRoles: ['nurse'],
      }),
    ]);
    const { user } = renderApp({ path: '/account/access-log' });

    const list = await screen.findByRole('list', { name: /^Showing 2 times/ });
    const [sitting, other] = within(list)
      .getAllByRole('listitem', { name: '' })
      .filter((item) => item.classList.contains('access-log__entry'));
    expect(within(sitting!).getByRole('heading', { level: 2 })).toHaveTextContent('Dr. Priya Shah');
    expect(sitting).toHaveTextContent('What they didRecorded a test result for you');
    // When: from the first step to the last.
    expect(within(sitting!.querySelector('dl')!).getAllByRole('time')).toHaveLength(2);
    const steps = within(sitting!).getByText('See all 19 steps');
    await user.click(steps);
    expect(within(sitting!).getAllByText(/Looked at your list of conditions/)).toHaveLength(18);
    expect(within(other!).getByRole('heading', { level: 2 })).toHaveTextContent('Nico Navarro, RN');
  });

  it('lists who opened the record, newest first, in words', async () => {
    const calls = useLog([
      accessLogEntryFactory({
        occurredAt: '2026-03-02T15:30:00.000Z',
        staffName: 'Nico Navarro, RN',
        staffRoles: ['nurse'],
        description: 'Viewed your demographics',
      }),
      accessLogEntryFactory({
        occurredAt: '2026-03-01T09:05:00.000Z',
        staffName: 'Dr. Priya Shah',
        staffRoles: ['provider', 'admin'],
        action: 'patient.update',
        description: 'Changed your address',
      }),
    ]);
    renderApp({ path: '/account/access-log' });

    const heading = await screen.findByRole('heading', { level: 1, name: 'Who viewed my record' });
    expect(document.title).toBe('Who viewed my record – Patient Portal');
    expect(
      screen.getByText(/When clinic staff open or change your health record/),
    ).toBeInTheDocument();
    expect(screen.getByText(/call the clinic and ask for the privacy officer/)).toBeVisible();
    expect(heading).toBeInTheDocument();

    const list = await screen.findByRole('list', { name: /^Showing 2 times/ });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);

    const first = items[0] as HTMLElement;
    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent('Nico Navarro, RN');
    expect(first).toHaveTextContent('JobNurse');
    expect(first).toHaveTextContent('What they didViewed your demographics');
    const time = within(first).getByText(
      formatDateTime('2026-03-02T15:30:00.000Z', deviceTimeZone(), 'en-US'),
    );
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2026-03-02T15:30:00.000Z');

    const second = items[1] as HTMLElement;
    expect(second).toHaveTextContent('Dr. Priya Shah');
    expect(second).toHaveTextContent('Doctor or other care provider and Administrator');
    expect(second).toHaveTextContent('Changed your address');

    // The signed-in patient's own id, a page at a time.
    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);
    expect(calls.map((call) => call.query)).toEqual([{ limit: '20' }]);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says so in words when nobody has opened the record', async () => {
    useLog([]);
    renderApp({ path: '/account/access-log' });

    expect(
      await screen.findByText('No staff member has opened your record yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /^Showing/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('shows more with the cursor, and moves focus to the first new entry', async () => {
    const calls = useLog(entries(25));
    const { user } = renderApp({ path: '/account/access-log' });

    expect(await screen.findByText('Staff member 20')).toBeInTheDocument();
    expect(screen.queryByText('Staff member 21')).not.toBeInTheDocument();
    expect(
      screen.getByText('Showing 20 times your record was opened or changed.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more' }));

    const firstNew = await screen.findByRole('heading', { level: 2, name: 'Staff member 21' });
    await waitFor(() => expect(firstNew).toHaveFocus());
    expect(screen.getByText('Staff member 25')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: /^Showing 25 times/ });
    expect(within(list).getAllByRole('listitem')).toHaveLength(25);
    expect(
      screen.getByText('Showing 25 times your record was opened or changed.'),
    ).toBeInTheDocument();
    expect(calls.map((call) => call.query)).toEqual([
      { limit: '20' },
      { limit: '20', cursor: 'page-2' },
    ]);
    // Nothing more to show.
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('keeps what is shown and says so when more cannot be loaded', async () => {
    useLog(entries(25));
    const { user } = renderApp({ path: '/account/access-log' });
    await screen.findByText('Staff member 20');
    mockApi('get', LOG_PATH, HttpResponse.error(), { once: true });

    await user.click(screen.getByRole('button', { name: 'Show more' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not load more.');
    const list = screen.getByRole('list', { name: /^Showing 20 times/ });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Staff member 25')).toBeInTheDocument();
  });

  it('offers to try again when the list cannot be loaded', async () => {
    // Handlers added later come first: the first request fails, the next one works.
    useLog(entries(1));
    mockApi('get', LOG_PATH, HttpResponse.error(), { once: true });
    const { user } = renderApp({ path: '/account/access-log' });

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not load this list');
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Staff member 1')).toBeInTheDocument();
  });

  it('is part of the Account section, linked from its pages', async () => {
    useLog(entries(1));
    server.use(...createAccountBackend().handlers);
    const { user, router } = renderApp({ path: '/account' });

    const accountNav = await screen.findByRole('navigation', { name: 'Account' });
    await user.click(within(accountNav).getByRole('link', { name: 'Who viewed my record' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Who viewed my record' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account/access-log');
    const main = screen.getByRole('navigation', { name: 'Main' });
    expect(within(main).getByRole('link', { name: 'Account' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
