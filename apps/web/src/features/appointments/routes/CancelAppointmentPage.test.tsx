import { screen, waitFor, within } from '@testing-library/react';
import { inTurn, mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import type { Appointment } from '../api';
import {
  appointmentProblems,
  atFrozenClock,
  PATIENT_ID,
  serveVisit,
  signIn,
  visitOf,
} from '../test-fixtures';

const CANCEL = '/api/v1/patients/{patientId}/appointments/{appointmentId}/cancel';

function visit(overrides: Parameters<typeof visitOf>[0] = {}) {
  return visitOf({ startsAt: '2026-12-01T14:30:00.000Z', ...overrides });
}

/** The visit as the API answers once it is cancelled. */
function cancelledOf(appointment: Appointment, reason: string): Appointment {
  return {
    ...appointment,
    status: 'cancelled',
    cancelledAt: new Date().toISOString(),
    cancelReason: reason,
    version: appointment.version + 1,
    canChangeOnline: false,
  };
}

/** Signs in, answers the visit, and cancels it with whatever reason is sent. */
function useVisit(appointment: Appointment) {
  signIn();
  serveVisit(appointment);
  return mockApi('post', CANCEL, ({ body }) =>
    cancelledOf(appointment, (body as { reason: string }).reason),
  );
}

atFrozenClock();

describe('cancelling', () => {
  it('asks why, cancels, and confirms in words with how to book again', async () => {
    const appointment = visit();
    const cancellations = useVisit(appointment);
    const { user, router } = renderApp({ path: `/appointments/${appointment.id}` });

    await user.click(await screen.findByRole('link', { name: 'Cancel appointment' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Cancel appointment' }),
    ).toBeInTheDocument();
    expect(screen.getByText('You are about to cancel this appointment:')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Your appointment' })).toHaveTextContent(
      'WhenTuesday, December 1, 2026 at 9:30 AM EST',
    );
    const reasons = screen.getByRole('group', { name: 'Why are you cancelling?' });
    await user.click(
      within(reasons).getByRole('radio', { name: 'The time no longer works for me' }),
    );
    await user.click(screen.getByRole('button', { name: 'Yes, cancel this appointment' }));

    const confirmation = await screen.findByText(
      'Your appointment on Tuesday, December 1, 2026 at 9:30 AM EST is cancelled.',
    );
    await waitFor(() => expect(confirmation.closest('.confirmation')).toHaveFocus());
    expect(
      screen.getByText(/A cancellation can’t be undone, but you can book a new time./),
    ).toBeInTheDocument();
    expect(
      within(confirmation.closest('.confirmation') as HTMLElement).getByRole('link', {
        name: 'Find a time',
      }),
    ).toHaveAttribute('href', '/appointments/new');
    expect(router.state.location.pathname).toBe(`/appointments/${appointment.id}`);
    expect(cancellations.map(({ params, body }) => ({ params, body }))).toEqual([
      {
        params: { patientId: PATIENT_ID, appointmentId: appointment.id },
        body: { version: 1, reason: 'The time no longer works for me' },
      },
    ]);
    expect(cancellations[0]?.headers.get('X-CSRF-Token')).toBe('test-csrf-token');
    expect(screen.getByText('Cancelled', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Reschedule' })).not.toBeInTheDocument();
  });

  it('needs a reason, and the patient’s own words for “Another reason”', async () => {
    const appointment = visit();
    const cancellations = useVisit(appointment);
    const { user } = renderApp({ path: `/appointments/${appointment.id}/cancel` });
    const submit = await screen.findByRole('button', { name: 'Yes, cancel this appointment' });

    await user.click(submit);
    let summary = await screen.findByRole('alert');
    await user.click(within(summary).getByRole('link', { name: 'Choose why you are cancelling.' }));
    expect(
      screen.getByRole('radio', { name: 'I feel better, or I no longer need this visit' }),
    ).toHaveFocus();

    await user.click(screen.getByRole('radio', { name: 'Another reason' }));
    await user.click(submit);
    summary = await screen.findByRole('alert');
    await user.click(
      within(summary).getByRole('link', { name: 'Tell us the reason you are cancelling.' }),
    );
    const other = screen.getByRole('textbox', { name: 'Tell us the reason' });
    expect(other).toHaveFocus();
    expect(cancellations).toHaveLength(0);

    await user.type(other, 'My ride fell through');
    await user.click(submit);

    expect(await screen.findByText(/is cancelled\.$/)).toBeInTheDocument();
    expect(cancellations[0]?.body).toEqual({
      version: 1,
      reason: 'My ride fell through',
    });
  });

  it('when the visit changed meanwhile, loads it again and explains before trying again', async () => {
    const appointment = visit();
    // Someone at the clinic moves it while the patient reads: the next read shows version 2.
    const changed = {
      ...appointment,
      startsAt: '2026-12-01T16:00:00.000Z',
      endsAt: '2026-12-01T16:30:00.000Z',
      version: 2,
    };
    signIn();
    serveVisit(appointment, changed);
    const cancellations = mockApi(
      'post',
      CANCEL,
      inTurn<Appointment | Response>(
        problem(appointmentProblems.appointmentChanged()),
        cancelledOf(changed, 'I booked it by mistake'),
      ),
    );
    const { user } = renderApp({ path: `/appointments/${appointment.id}/cancel` });
    await user.click(await screen.findByRole('radio', { name: 'I booked it by mistake' }));

    await user.click(screen.getByRole('button', { name: 'Yes, cancel this appointment' }));

    const message = await screen.findByText(
      'This appointment was changed while you were looking at it, so we did not cancel it. Check the latest details, then try again.',
    );
    await waitFor(() => expect(message.closest('.confirmation')).toHaveFocus());
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Your appointment' })).toHaveTextContent(
        'WhenTuesday, December 1, 2026 at 11:00 AM EST',
      ),
    );
    expect(screen.queryByText(/is cancelled\./)).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'I booked it by mistake' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel this appointment' }));

    expect(
      await screen.findByText(
        'Your appointment on Tuesday, December 1, 2026 at 11:00 AM EST is cancelled.',
      ),
    ).toBeInTheDocument();
    expect(cancellations.map((call) => (call.body as { version: number }).version)).toEqual([1, 2]);
  });

  it('inside the cutoff, shows whom to call instead of the form', async () => {
    const appointment = visit({ startsAt: '2026-11-28T13:30:00.000Z' });
    useVisit(appointment);
    renderApp({ path: `/appointments/${appointment.id}/cancel` });

    expect(
      await screen.findByText(
        /It is less than 24 hours before your visit, so it can’t be changed online/,
      ),
    ).toHaveTextContent('Please call Harbor Clinic at +1 555 010 3000.');
    expect(
      screen.queryByRole('group', { name: 'Why are you cancelling?' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Yes, cancel this appointment' }),
    ).not.toBeInTheDocument();
  });
});
