import { refillTurnaroundFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { answer, signInStaff } from '../../../testing/api';
import { renderApp } from '../../../testing/render-app';

describe('refill turnaround report', () => {
  it('writes out the median and 90th percentile per prescriber, and the weeks', async () => {
    signInStaff(['nurse']);
    const calls = answer(
      'getRefillTurnaround',
      refillTurnaroundFactory({
        prescribers: [
          { prescriber: 'Dr. Casey Nguyen', decided: 10, medianHours: 5.2, p90Hours: 30 },
          { prescriber: null, decided: 2, medianHours: 0.4, p90Hours: 72 },
        ],
      }),
    );
    const { user, router } = renderApp({
      path: '/refills/turnaround?from=2026-02-02&to=2026-02-08',
    });

    const prescribers = await screen.findByRole('table', {
      name: 'Time to decision by prescriber',
    });
    const rows = within(prescribers).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Dr. Casey Nguyen');
    expect(rows[0]).toHaveTextContent('5 hours');
    expect(rows[0]).toHaveTextContent('30 hours');
    expect(rows[1]).toHaveTextContent('Not named');
    expect(rows[1]).toHaveTextContent('less than an hour');
    expect(rows[1]).toHaveTextContent('3 days');
    const weeks = screen.getByRole('table', { name: 'Requests made and decided by week' });
    expect(within(weeks).getAllByRole('row')[1]).toHaveTextContent('Week of 2026-02-02');
    expect(calls[0]!.query.get('from')).toBe('2026-02-02');
    expect(calls[0]!.query.get('to')).toBe('2026-02-08');

    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, '2026-01-05');
    await user.click(screen.getByRole('button', { name: 'Show report' }));
    await waitFor(() => expect(calls.length).toBeGreaterThan(1));
    expect(calls[calls.length - 1]!.query.get('from')).toBe('2026-01-05');
    expect(new URLSearchParams(router.state.location.search).get('from')).toBe('2026-01-05');
  });
});
