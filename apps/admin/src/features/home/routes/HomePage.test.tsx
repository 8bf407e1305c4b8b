import {
  inboxCountsFactory,
  locationFactory,
  providerFactory,
  refillQueueItemFactory,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import {
  invitationFactory,
  reportFactory,
  reportSummary,
  scheduleItemFactory,
} from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A clinic with one location and two providers; a provider's account id when given. */
function catalog(providerAccountId: string | null = null) {
  const north = locationFactory({ name: 'North Clinic', timeZone: 'America/New_York' });
  const patel = providerFactory({
    displayName: 'Dr. Priya Patel',
    locationIds: [north.id],
    accountId: providerAccountId,
  });
  const kim = providerFactory({ displayName: 'Dr. Sam Kim', locationIds: [north.id] });
  answer('listLocations', page([north]));
  answer('listProviders', page([patel, kim]));
  return { north, patel, kim };
}

function visit(
  clinic: ReturnType<typeof catalog>,
  name: string,
  startsInHours: number,
  status: 'booked' | 'arrived' | 'no-show' = 'booked',
) {
  return scheduleItemFactory({
    status,
    startsAt: new Date(Date.now() + startsInHours * HOUR).toISOString(),
    provider: { id: clinic.patel.id, displayName: 'Dr. Priya Patel', specialty: 'Family medicine' },
    location: clinic.north,
    patient: { id: crypto.randomUUID(), displayName: name, mrn: 'M00100009' },
  });
}

function block(name: RegExp | string) {
  return screen.findByRole('region', { name });
}

describe('staff home worklist', () => {
  it('gives front desk today’s schedule with arrivals marked, and a one-click arrival', async () => {
    signInStaff(['front-desk'], { displayName: 'Ana Silva' });
    const clinic = catalog();
    // The schedule's hours are the tests' hours: today is whatever day the test runs.
    const waiting = visit(clinic, 'Jordan Lee', 0.5);
    const schedule = answer('listSchedule', {
      items: [
        visit(clinic, 'Alexandra Rivera', -1, 'arrived'),
        visit(clinic, 'Chris Young', -0.5, 'no-show'),
        waiting,
      ],
      hours: [],
      truncated: false,
    });
    const marks = answer('setAppointmentStatus', ({ body }) => ({
      ...waiting,
      status: body.status,
      version: 2,
    }));
    answer('listInvitations', ({ query }) =>
      page(
        query.get('status') === 'expired'
          ? [
              invitationFactory({
                patientName: 'Morgan Diaz',
                status: 'expired',
                expiresAt: new Date(Date.now() - 2 * DAY).toISOString(),
              }),
            ]
          : [],
      ),
    );
    const { user } = renderApp({ path: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Ana Silva' }),
    ).toBeInTheDocument();
    const today = await block('Today’s schedule');
    expect(await within(today).findByRole('link', { name: 'Jordan Lee' })).toBeInTheDocument();
    expect(today).toHaveTextContent(/3 appointments today, 1 arrived, 1 no-show\. Times in E[SD]T/);
    const rows = within(today).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Alexandra Rivera');
    expect(rows[0]).toHaveTextContent('Arrived');
    expect(rows[1]).toHaveTextContent('No-show');
    // Only a booked visit can be marked as arrived, and the button says for whom.
    expect(within(rows[0]!).queryByRole('button')).not.toBeInTheDocument();
    expect(schedule[0]?.query.get('locationId')).toBe(clinic.north.id);
    expect(schedule[0]?.query.has('providerId')).toBe(false);

    await user.click(within(rows[2]!).getByRole('button', { name: /^Arrived Jordan Lee at/ }));
    expect(await within(today).findByRole('status')).toHaveTextContent(
      'Jordan Lee is marked as arrived.',
    );
    expect(marks[0]?.body).toEqual({ version: 1, status: 'arrived' });
    expect(marks[0]?.params).toEqual({ patientId: waiting.patient.id, appointmentId: waiting.id });

    const invitations = await block(/Invitations to resend/);
    expect(await within(invitations).findByText('Morgan Diaz')).toBeInTheDocument();
    expect(invitations).toHaveTextContent('Expired');
    expect(within(invitations).getByRole('link', { name: 'Open invitations' })).toHaveAttribute(
      'href',
      '/invitations',
    );
    // Front desk reviews no results and no emergency access; the account is in My account.
    expect(screen.queryByRole('region', { name: /Results waiting/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Emergency access/ })).not.toBeInTheDocument();
    expect(screen.queryByText('Signed in until')).not.toBeInTheDocument();
    expect(document.title).toBe('Home – Staff Portal');
  });

  it('gives a provider their own day and the results waiting, oldest first', async () => {
    const { accountId } = signInStaff(['provider']);
    const clinic = catalog(accountId);
    const schedule = answer('listSchedule', { items: [], hours: [], truncated: false });
    const held = reportFactory({
      title: 'Lipid panel',
      releaseState: 'held',
      abnormal: true,
      issuedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    });
    const queue = answer('listResultsForReview', {
      items: [
        {
          ...reportSummary(held),
          patient: { id: held.patientId, displayName: 'Jordan Lee', mrn: 'M00100002' },
        },
      ],
      nextCursor: null,
      total: 7,
      oldestIssuedAt: held.issuedAt,
    });
    const refill = refillQueueItemFactory({
      medicationName: 'metformin 500 MG Oral Tablet',
      stale: true,
      requestedAt: new Date(Date.now() - 3 * DAY).toISOString(),
      patient: { name: 'Alexandra Rivera' },
    });
    const refills = answer('listRefillQueue', page([refill], 'next'));
    renderApp({ path: '/' });

    const waitingRefills = await block(/Refills waiting/);
    expect(
      await within(waitingRefills).findByRole('link', { name: 'metformin 500 MG Oral Tablet' }),
    ).toHaveAttribute('href', `/refills/requests/${refill.id}`);
    expect(waitingRefills).toHaveAccessibleName('Refills waiting (1 or more waiting)');
    expect(waitingRefills).toHaveTextContent('Waiting over 2 business days');
    expect(refills[0]?.query.get('limit')).toBe('5');

    const today = await block('Your schedule today');
    expect(await within(today).findByText('No appointments today.')).toBeInTheDocument();
    await waitFor(() => expect(schedule).toHaveLength(1));
    expect(schedule[0]?.query.get('providerId')).toBe(clinic.patel.id);

    const results = await block(/Results waiting for review/);
    expect(results).toHaveAccessibleName('Results waiting for review (7 waiting)');
    expect(await within(results).findByRole('link', { name: 'Lipid panel' })).toHaveAttribute(
      'href',
      `/patients/${held.patientId}/results?report=${held.id}`,
    );
    expect(results).toHaveTextContent('Outside the usual range');
    expect(results).toHaveTextContent(/Oldest issued 2 days ago/);
    expect(within(results).getByRole('link', { name: 'Open results review' })).toHaveAttribute(
      'href',
      '/results-review',
    );
    expect(queue[0]?.query.get('limit')).toBe('5');
    expect(screen.queryByRole('region', { name: /Invitations/ })).not.toBeInTheDocument();
  });

  it('gives admins the emergency accesses waiting for review, and says when a queue is empty', async () => {
    signInStaff(['admin']);
    catalog();
    answer('listSchedule', { items: [], hours: [], truncated: false });
    answer('listInvitations', page([]));
    const grants = answer('listEmergencyAccess', page([]));
    renderApp({ path: '/' });

    const review = await block('Emergency access to review');
    expect(
      await within(review).findByText('No emergency access is waiting for review.'),
    ).toBeInTheDocument();
    expect(grants[0]?.query.get('reviewed')).toBe('false');
    expect(
      await within(await block(/Invitations to resend/)).findByText(/No invitations need sending/),
    ).toBeInTheDocument();
  });

  it('gives billing the messages waiting: unassigned and their own, with unread in words', async () => {
    signInStaff(['billing']);
    answer(
      'getInboxCounts',
      inboxCountsFactory({ unassigned: { total: 4, unread: 2 }, mine: 1, open: 9 }),
    );
    renderApp({ path: '/' });

    const messages = await block(/Messages waiting/);
    await waitFor(() => expect(messages).toHaveAccessibleName('Messages waiting (5 waiting)'));
    expect(within(messages).getByRole('link', { name: 'Unassigned' })).toHaveAttribute(
      'href',
      '/inbox',
    );
    expect(messages).toHaveTextContent('Unassigned 4 conversations2 unread');
    expect(within(messages).getByRole('link', { name: 'Assigned to you' })).toHaveAttribute(
      'href',
      '/inbox?view=mine',
    );
    expect(messages).toHaveTextContent('Assigned to you 1 conversation');
    expect(within(messages).getByRole('link', { name: 'Open the inbox' })).toHaveAttribute(
      'href',
      '/inbox',
    );
  });

  it('says what to do when no roles are assigned', async () => {
    signInStaff([]);
    renderApp({ path: '/' });

    expect(
      await screen.findByText(
        'No roles assigned. Ask a portal administrator for the roles your work needs.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
