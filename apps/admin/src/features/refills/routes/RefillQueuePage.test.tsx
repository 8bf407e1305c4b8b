import { refillQueueItemFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import { renderApp } from '../../../testing/render-app';

const HOUR = 3_600_000;

describe('refill queue', () => {
  it('lists requests oldest first with their age and the flag in words', async () => {
    const now = Date.now();
    signInStaff(['nurse']);
    const old = refillQueueItemFactory({
      medicationName: 'metformin 500 MG Oral Tablet',
      requestedAt: new Date(now - 50 * HOUR).toISOString(),
      stale: true,
      patient: { name: 'Jordan Lee' },
    });
    const fresh = refillQueueItemFactory({
      kind: 'renewal',
      status: 'in_review',
      statusText: 'In review',
      requestedAt: new Date(now - 5 * HOUR).toISOString(),
    });
    answer('listRefillQueue', page([old, fresh]));
    renderApp({ path: '/refills' });

    const table = await screen.findByRole('table', { name: 'Refill requests, oldest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Jordan Lee');
    expect(rows[0]).toHaveTextContent('metformin 500 MG Oral Tablet');
    expect(rows[0]).toHaveTextContent('2 days');
    expect(rows[0]).toHaveTextContent('Requested');
    expect(rows[0]).toHaveTextContent('Waiting over 2 business days');
    expect(rows[0]).toHaveTextContent('Main Street Pharmacy');
    expect(within(rows[0]!).getByRole('link', { name: 'Jordan Lee' })).toHaveAttribute(
      'href',
      `/patients/${old.patient.id}`,
    );
    expect(rows[1]).toHaveTextContent('Renewal');
    expect(rows[1]).toHaveTextContent('5 hours');
    expect(rows[1]).toHaveTextContent('In review');
    expect(rows[1]).not.toHaveTextContent('Waiting over 2 business days');
    // The medication's history and the patient's last visit are beside each request.
    expect(within(rows[0]!).getByText('Last visit')).toBeInTheDocument();
  });

  it('keeps the filters in the address and asks the API with them', async () => {
    signInStaff(['provider']);
    const calls = answer('listRefillQueue', page([refillQueueItemFactory()]));
    const { user, router } = renderApp({ path: '/refills' });

    await screen.findByRole('table', { name: 'Refill requests, oldest first' });
    await user.selectOptions(screen.getByLabelText('Status'), 'in_review');
    await user.type(screen.getByLabelText(/^Prescriber/), 'Dr. Casey Nguyen');
    await user.selectOptions(screen.getByLabelText('Waiting'), '3');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(calls.length).toBeGreaterThan(1));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('status')).toBe('in_review');
    expect(params.get('prescriber')).toBe('Dr. Casey Nguyen');
    expect(params.get('age')).toBe('3');
    const last = calls[calls.length - 1]!.query;
    expect(last.get('status')).toBe('in_review');
    expect(last.get('prescriber')).toBe('Dr. Casey Nguyen');
    expect(last.get('olderThanDays')).toBe('3');
  });

  it('approves the selected routine requests and says how each went', async () => {
    signInStaff(['provider']);
    const lisinopril = refillQueueItemFactory({ patient: { name: 'Jordan Lee' } });
    const metformin = refillQueueItemFactory({
      medicationName: 'metformin 500 MG Oral Tablet',
      patient: { name: 'Alexandra Rivera' },
    });
    const renewal = refillQueueItemFactory({ kind: 'renewal', medicationName: 'atorvastatin' });
    answer('listRefillQueue', page([lisinopril, metformin, renewal]));
    const calls = answer('bulkApproveRefillRequests', {
      approved: [lisinopril.id],
      notApproved: [
        { id: metformin.id, status: 'approved', reason: 'Someone else decided it first.' },
      ],
    });
    const { user } = renderApp({ path: '/refills' });

    await screen.findByRole('table', { name: 'Refill requests, oldest first' });
    // A renewal is decided on its own: it has no box to select.
    expect(screen.queryByRole('checkbox', { name: /atorvastatin/ })).not.toBeInTheDocument();
    await user.click(
      screen.getByRole('checkbox', { name: 'Select lisinopril 10 MG Oral Tablet for Jordan Lee' }),
    );
    await user.click(
      screen.getByRole('checkbox', {
        name: 'Select metformin 500 MG Oral Tablet for Alexandra Rivera',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Approve selected (2)' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Approve 2 refill requests?' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve 2 requests' }));

    expect(await screen.findByText('1 of 2 approved')).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({ requestIds: [lisinopril.id, metformin.id] });
    expect(
      screen.getByText('Approved: lisinopril 10 MG Oral Tablet for Jordan Lee.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Not approved: metformin 500 MG Oral Tablet for Alexandra Rivera. Someone else decided it first.',
      ),
    ).toBeInTheDocument();
  });

  it('shows Refills in the menu only to roles that read the queue', async () => {
    signInStaff(['front-desk']);
    renderApp({ path: '/refills' });

    expect(await screen.findByText("You don't have access")).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Main' });
    expect(within(menu).queryByRole('link', { name: 'Refills' })).not.toBeInTheDocument();
  });

  it('puts Refills in the menu for nurses', async () => {
    signInStaff(['nurse']);
    answer('listRefillQueue', page([]));
    renderApp({ path: '/refills' });

    expect(await screen.findByText(/No refill requests match/)).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Main' });
    expect(within(menu).getByRole('link', { name: 'Refills' })).toHaveAttribute('href', '/refills');
  });
});
