import { screen, waitFor, within } from '@testing-library/react';
import { inTurn, mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import type { Appointment } from '../api';
import {
  appointmentProblems,
  checkUp,
  atFrozenClock,
  harbor,
  movedTo,
  north,
  openTimes,
  PATIENT_ID,
  serveClinic,
  serveVisit,
  shah,
  visitOf,
} from '../test-fixtures';

const RESCHEDULE = '/api/v1/patients/{patientId}/appointments/{appointmentId}/reschedule';
const [, tenAtHarbor, nineInChicago] = openTimes as [
  (typeof openTimes)[number],
  (typeof openTimes)[number],
  (typeof openTimes)[number],
];

const TEN = 'Tuesday, December 1, 2026, 10:00 AM EST with Dr. Priya Shah at Harbor Clinic';
const CHICAGO = 'Wednesday, December 2, 2026, 9:00 AM CST with Dr. Omar Haddad at North Clinic';

function visit(overrides: Parameters<typeof visitOf>[0] = {}) {
  return visitOf({ startsAt: '2026-12-01T14:30:00.000Z', ...overrides });
}

/**
 * Signs in and answers the clinic (without the visit's own time: it is taken, by this very
 * visit) and the visit; moving it answers the visit at the time asked for.
 */
function useVisit(appointment: Appointment) {
  const clinic = serveClinic({
    times: openTimes.filter((time) => time.startsAt !== appointment.startsAt),
  });
  serveVisit(appointment);
  const reschedules = mockApi('post', RESCHEDULE, ({ body }) =>
    movedTo(
      appointment,
      openTimes.find((time) => time.startsAt === (body as { startsAt: string }).startsAt)!,
    ),
  );
  return { ...clinic, reschedules };
}

atFrozenClock();

describe('rescheduling', () => {
  it('moves the visit to another open time and says so, from and to', async () => {
    const appointment = visit();
    const backend = useVisit(appointment);
    const { user, router } = renderApp({ path: `/appointments/${appointment.id}` });

    await user.click(await screen.findByRole('link', { name: 'Reschedule' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose a new time' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Change the time – Patient Portal');
    expect(screen.getByRole('region', { name: 'Your appointment now' })).toHaveTextContent(
      'WhenTuesday, December 1, 2026 at 9:30 AM EST',
    );
    // It starts from the visit's own kind, provider, location and day; its own time is taken.
    await screen.findByRole('link', { name: TEN });
    expect(backend.slots.map((call) => call.query)).toEqual([
      {
        visitTypeId: checkUp.id,
        providerId: shah.id,
        locationId: harbor.id,
        from: '2026-12-01T05:00:00.000Z',
        to: '2026-12-15T05:00:00.000Z',
        limit: '200',
      },
    ]);
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveDisplayValue(
      'Dr. Priya Shah, Family medicine',
    );
    expect(screen.getByRole('combobox', { name: 'Location' })).toHaveDisplayValue('Harbor Clinic');
    expect(screen.getByLabelText('Show times from')).toHaveValue('2026-12-01');
    expect(router.state.location.search).toBe(
      `?providerId=${shah.id}&locationId=${harbor.id}&from=2026-12-01`,
    );
    expect(screen.queryByRole('link', { name: /9:30 AM EST/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: TEN }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Check the new time' }),
    ).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(main).toHaveTextContent('FromTuesday, December 1, 2026 at 9:30 AM EST');
    expect(main).toHaveTextContent('ToTuesday, December 1, 2026 at 10:00 AM EST');
    await user.click(screen.getByRole('button', { name: 'Change to this time' }));

    const confirmation = await screen.findByText(
      'Your appointment is now on Tuesday, December 1, 2026 at 10:00 AM EST. It was on Tuesday, December 1, 2026 at 9:30 AM EST.',
    );
    await waitFor(() => expect(confirmation.closest('.confirmation')).toHaveFocus());
    expect(router.state.location.pathname).toBe(`/appointments/${appointment.id}`);
    expect(backend.reschedules.map(({ params, body }) => ({ params, body }))).toEqual([
      {
        params: { patientId: PATIENT_ID, appointmentId: appointment.id },
        body: {
          version: 1,
          startsAt: '2026-12-01T15:00:00.000Z',
          providerId: shah.id,
          locationId: harbor.id,
        },
      },
    ]);
    expect(
      screen.getByRole('heading', { level: 2, name: 'Tuesday, December 1, 2026 at 10:00 AM EST' }),
    ).toBeInTheDocument();
  });

  it('moves to another location, written out in that location’s zone', async () => {
    const appointment = visit();
    const backend = useVisit(appointment);
    const { user } = renderApp({ path: `/appointments/${appointment.id}/reschedule` });
    await screen.findByRole('link', { name: TEN });

    // Any provider, any location: Wednesday in Chicago is offered too.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Provider' }), 'Any provider');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Location' }), 'Any location');
    await user.click(screen.getByRole('button', { name: 'Show times' }));
    await user.click(await screen.findByRole('radio', { name: 'Wed, Dec 2 1 time' }));
    await user.click(await screen.findByRole('link', { name: CHICAGO }));
    await screen.findByRole('heading', { level: 1, name: 'Check the new time' });
    expect(screen.getByRole('main')).toHaveTextContent(
      'ToWednesday, December 2, 2026 at 9:00 AM CST',
    );
    await user.click(screen.getByRole('button', { name: 'Change to this time' }));

    expect(
      await screen.findByText(
        /Your appointment is now on Wednesday, December 2, 2026 at 9:00 AM CST/,
      ),
    ).toBeInTheDocument();
    expect((backend.reschedules[0]?.body as { locationId: string }).locationId).toBe(north.id);
    expect(nineInChicago.locationId).toBe(north.id);
  });

  it('when the visit changed meanwhile, loads it again, explains and lets the patient retry', async () => {
    const appointment = visit();
    // Staff move it to 9:00 while the patient reads: the next read shows version 2.
    const changed = {
      ...appointment,
      startsAt: '2026-12-01T14:00:00.000Z',
      endsAt: '2026-12-01T14:30:00.000Z',
      version: 2,
    };
    serveClinic({ times: openTimes.filter((time) => time.startsAt !== appointment.startsAt) });
    serveVisit(appointment, changed);
    const reschedules = mockApi(
      'post',
      RESCHEDULE,
      inTurn<Appointment | Response>(
        problem(appointmentProblems.appointmentChanged()),
        movedTo(changed, tenAtHarbor),
      ),
    );
    const { user, router } = renderApp({ path: `/appointments/${appointment.id}/reschedule` });
    await user.click(await screen.findByRole('link', { name: TEN }));
    await screen.findByRole('heading', { level: 1, name: 'Check the new time' });

    await user.click(screen.getByRole('button', { name: 'Change to this time' }));

    const message = await screen.findByText(
      'This appointment was changed while you were looking at it, so we did not move it. Check the latest details, then choose a time again.',
    );
    await waitFor(() => expect(message.closest('.confirmation')).toHaveFocus());
    expect(screen.getByRole('heading', { level: 1, name: 'Choose a new time' })).toBeVisible();
    expect(router.state.location.search).toBe(
      `?providerId=${shah.id}&locationId=${harbor.id}&from=2026-12-01`,
    );
    const now = screen.getByRole('region', { name: 'Your appointment now' });
    await waitFor(() =>
      expect(now).toHaveTextContent('WhenTuesday, December 1, 2026 at 9:00 AM EST'),
    );

    await user.click(await screen.findByRole('link', { name: TEN }));
    await user.click(await screen.findByRole('button', { name: 'Change to this time' }));

    expect(
      await screen.findByText(
        /Your appointment is now on Tuesday, December 1, 2026 at 10:00 AM EST. It was on Tuesday, December 1, 2026 at 9:00 AM EST./,
      ),
    ).toBeInTheDocument();
    expect(reschedules.map((call) => (call.body as { version: number }).version)).toEqual([1, 2]);
  });

  it('inside the cutoff, says whom to call instead of offering times', async () => {
    const appointment = visit({ startsAt: '2026-11-28T13:30:00.000Z' });
    const backend = useVisit(appointment);
    renderApp({ path: `/appointments/${appointment.id}/reschedule` });

    const notice = await screen.findByRole('status', {
      name: 'This visit can’t be changed online',
    });
    expect(notice).toHaveTextContent(
      'It is less than 24 hours before your visit, so it can’t be changed online. Please call Harbor Clinic at +1 555 010 3000.',
    );
    expect(within(notice).getByRole('link', { name: '+1 555 010 3000' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Narrow down the times' })).not.toBeInTheDocument();
    expect(backend.slots).toHaveLength(0);
    expect(screen.getByRole('link', { name: 'Keep my appointment as it is' })).toHaveAttribute(
      'href',
      `/appointments/${appointment.id}`,
    );
  });
});
