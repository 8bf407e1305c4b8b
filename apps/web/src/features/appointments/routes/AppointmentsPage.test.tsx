import { screen, waitFor, within } from '@testing-library/react';
import { pageOf } from '../../../testing/factories';
import { mockApi, type MockCall } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import type { AppointmentPage } from '../api';
import { atFrozenClock, haddad, north, PATIENT_ID, serveClinic, visitOf } from '../test-fixtures';

const DAY = 86_400_000;

function visit(startsAt: string, overrides: Parameters<typeof visitOf>[0] = {}) {
  return visitOf({ startsAt, ...overrides });
}

/** Signs in and answers the appointment lists, as given or per request. */
function useVisits(answer: AppointmentPage | ((call: MockCall) => AppointmentPage)) {
  serveClinic();
  return mockApi('get', '/api/v1/patients/{patientId}/appointments', answer);
}

atFrozenClock();

describe('appointments list', () => {
  it('lists upcoming visits, earliest first, written out in the location’s time zone', async () => {
    const calls = useVisits(
      pageOf([
        visit('2026-12-01T14:30:00.000Z'),
        visit('2026-12-03T20:00:00.000Z', {
          provider: { id: haddad.id, displayName: haddad.displayName, specialty: haddad.specialty },
          location: north,
        }),
      ]),
    );
    renderApp({ path: '/appointments' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Appointments' })).toBeVisible();
    expect(document.title).toBe('Appointments – Patient Portal');
    const list = await screen.findByRole('list', { name: 'Your upcoming visits' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);

    const first = cards[0] as HTMLElement;
    const link = within(first).getByRole('link', {
      name: 'Tuesday, December 1, 2026 at 9:30 AM EST',
    });
    expect(link).toHaveAttribute('href', expect.stringMatching(/^\/appointments\/[\w-]+$/));
    expect(first).toHaveTextContent('Booked');
    expect(first).toHaveTextContent('WithDr. Priya Shah, Family medicine');
    expect(first).toHaveTextContent('VisitCheck-up (30 minutes)');
    expect(first).toHaveTextContent('WhereHarbor Clinic');

    // The Chicago visit in Chicago time, though the test runs in UTC.
    expect(
      within(cards[1] as HTMLElement).getByRole('link', {
        name: 'Thursday, December 3, 2026 at 2:00 PM CST',
      }),
    ).toBeInTheDocument();
    expect(cards[1]).toHaveTextContent('Dr. Omar Haddad, Internal medicine');

    expect(screen.getByRole('link', { name: 'Find a time' })).toHaveAttribute(
      'href',
      '/appointments/new',
    );
    const views = screen.getByRole('navigation', { name: 'Which visits to show' });
    expect(within(views).getByRole('link', { name: 'Upcoming' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);
    expect(calls.map((call) => call.query)).toEqual([{ when: 'upcoming', limit: '10' }]);
    const main = screen.getByRole('navigation', { name: 'Main' });
    expect(within(main).getByRole('link', { name: 'Appointments' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('shows past visits latest first, with cancelled ones marked in words', async () => {
    const calls = useVisits(({ query }) =>
      query.when === 'past'
        ? pageOf([
            visit('2026-11-20T15:00:00.000Z', {
              status: 'cancelled',
              cancelledAt: '2026-11-18T12:00:00.000Z',
              cancelReason: 'The time no longer works for me',
            }),
            visit('2026-11-10T15:00:00.000Z', { status: 'completed' }),
            visit('2026-11-05T15:00:00.000Z', { status: 'no-show' }),
          ])
        : pageOf([visit('2026-12-01T14:30:00.000Z')]),
    );
    const { user, router } = renderApp({ path: '/appointments' });
    await screen.findByRole('list', { name: 'Your upcoming visits' });

    await user.click(screen.getByRole('link', { name: 'Past' }));

    const list = await screen.findByRole('list', { name: 'Your past visits' });
    expect(router.state.location.search).toBe('?show=past');
    expect(calls.at(-1)?.query).toEqual({ when: 'past', limit: '10' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards.map((card) => within(card).getByRole('heading').textContent)).toEqual([
      'Friday, November 20, 2026 at 10:00 AM EST',
      'Tuesday, November 10, 2026 at 10:00 AM EST',
      'Thursday, November 5, 2026 at 10:00 AM EST',
    ]);
    expect(cards[0]).toHaveTextContent('Cancelled');
    expect(cards[1]).toHaveTextContent('Completed');
    expect(cards[2]).toHaveTextContent('Missed');
    expect(screen.getByRole('link', { name: 'Past' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Upcoming' })).not.toHaveAttribute('aria-current');
  });

  it('says there are no upcoming visits and links to finding a time', async () => {
    useVisits(pageOf([]));
    const { user, router } = renderApp({ path: '/appointments' });

    const empty = await screen.findByText('No upcoming visits.');
    expect(screen.queryByRole('list', { name: 'Your upcoming visits' })).not.toBeInTheDocument();
    const findTime = within(empty).getByRole('link', { name: 'Find a time' });

    await user.click(findTime);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Step 1 of 3: Choose the kind of visit',
      }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/appointments/new');
  });

  it('shows more with the cursor and moves focus to the first new visit', async () => {
    const appointments = Array.from({ length: 12 }, (_, index) =>
      visit(new Date(Date.parse('2026-12-01T14:30:00.000Z') + index * DAY).toISOString()),
    );
    const calls = useVisits(({ query }) =>
      query.cursor === 'page-2'
        ? pageOf(appointments.slice(10))
        : pageOf(appointments.slice(0, 10), 'page-2'),
    );
    const { user } = renderApp({ path: '/appointments' });

    const list = await screen.findByRole('list', { name: 'Your upcoming visits' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);

    await user.click(screen.getByRole('button', { name: 'Show more' }));

    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(12));
    const eleventh = within(list).getAllByRole('heading', { level: 2 })[10] as HTMLElement;
    await waitFor(() => expect(eleventh).toHaveFocus());
    expect(eleventh).toHaveTextContent('Friday, December 11, 2026 at 9:30 AM EST');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(calls.map((call) => call.query)).toEqual([
      { when: 'upcoming', limit: '10' },
      { when: 'upcoming', limit: '10', cursor: 'page-2' },
    ]);
  });

  it('keeps the layout with a skeleton while loading', async () => {
    useVisits(pageOf([visit('2026-12-01T14:30:00.000Z')]));
    renderApp({ path: '/appointments' });

    const loading = await screen.findByText('Loading your appointments');
    expect(loading.closest('[role="status"]')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByRole('list', { name: 'Your upcoming visits' })).toBeInTheDocument();
  });
});
