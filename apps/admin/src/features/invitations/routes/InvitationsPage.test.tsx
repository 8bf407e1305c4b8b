import { act, screen, within } from '@testing-library/react';
import { answer, page, rolesChangeTo, signInStaff } from '../../../testing/api';
import {
  invitationFactory,
  invitationForPatient,
  patientFactory,
} from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

const DAY = 86_400_000;

function setUp() {
  const now = Date.now();
  const alex = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  const jordan = patientFactory({ givenName: 'Jordan', familyName: 'Lee' });
  signInStaff(['front-desk']);
  const invitations = [
    invitationForPatient(alex, {
      status: 'sent',
      deliveryStatus: 'sent',
      createdAt: new Date(now - 3 * DAY).toISOString(),
    }),
    invitationForPatient(jordan, {
      status: 'accepted',
      acceptedAt: new Date(now - DAY).toISOString(),
      createdAt: new Date(now - 5 * DAY).toISOString(),
    }),
    invitationFactory({
      patientName: 'Sam Okafor',
      status: 'revoked',
      revokedAt: new Date(now - 6 * DAY).toISOString(),
      createdAt: new Date(now - 8 * DAY).toISOString(),
      deliveryStatus: 'failed',
      deliveryAttempts: 3,
    }),
  ];
  // Newest first, filtered by status when asked.
  const calls = answer('listInvitations', ({ query }) => {
    const status = query.get('status');
    return page(invitations.filter((invitation) => !status || invitation.status === status));
  });
  return { invitations, calls };
}

function rows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

describe('invitations list', () => {
  it('lists invitations newest first, with status and delivery in words and a link to the patient', async () => {
    const backend = setUp();
    renderApp({ path: '/invitations' });

    const table = await screen.findByRole('table', { name: 'All invitations, newest first' });
    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      expect.stringContaining('Alexandra Rivera'),
      expect.stringContaining('Jordan Lee'),
      expect.stringContaining('Sam Okafor'),
    ]);
    const [sent, accepted, revoked] = rows();
    expect(sent).toHaveTextContent('Sent');
    expect(sent).toHaveTextContent('Email sent');
    expect(sent).toHaveTextContent('3 days ago');
    expect(accepted).toHaveTextContent('Accepted');
    expect(revoked).toHaveTextContent('Revoked');
    expect(revoked).toHaveTextContent('Email failed');
    const patientLink = within(table).getByRole('link', { name: 'Alexandra Rivera' });
    expect(patientLink.getAttribute('href')).toBe(
      `/patients/${backend.invitations[0]?.patientId}/invitations`,
    );
    // Only open invitations can be resent or revoked.
    expect(within(sent as HTMLElement).getAllByRole('button')).toHaveLength(2);
    expect(within(accepted as HTMLElement).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Showing all 3 rows.')).toBeInTheDocument();
    expect(screen.getByText(/Oldest in this list: created/)).toHaveTextContent('8 days ago');
  });

  it('keeps the status filter in the address and sends it to the API', async () => {
    const backend = setUp();
    const { user, router } = renderApp({ path: '/invitations' });

    const filters = await screen.findByRole('navigation', { name: 'Filter by status' });
    expect(within(filters).getByRole('link', { name: 'All' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.click(within(filters).getByRole('link', { name: 'Accepted' }));

    expect(
      await screen.findByRole('table', { name: 'Accepted invitations, newest first' }),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe('?status=accepted');
    expect(rows()).toHaveLength(1);
    expect(within(filters).getByRole('link', { name: 'Accepted' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(backend.calls.at(-1)?.query.get('status')).toBe('accepted');

    await act(() => router.navigate(-1));
    expect(
      await screen.findByRole('table', { name: 'All invitations, newest first' }),
    ).toBeInTheDocument();
  });

  it('opens with the filter from the address, and says when nothing matches', async () => {
    setUp();
    renderApp({ path: '/invitations?status=expired' });

    expect(await screen.findByText('No invitations with the status Expired.')).toBeInTheDocument();
  });

  it('shows a plain "You don\'t have access" when the API refuses', async () => {
    // The session still says front desk, but the API no longer agrees (roles changed).
    signInStaff(['front-desk']);
    answer('listInvitations', page([]));
    rolesChangeTo(['billing']);
    renderApp({ path: '/invitations' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("You don't have access");
    expect(alert).toHaveTextContent(
      'Your role does not allow this. If your work needs it, ask a portal administrator.',
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
