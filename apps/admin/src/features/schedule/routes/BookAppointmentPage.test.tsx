import { appointmentRecordFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { problem } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';
import { answer, page } from '../../../testing/api';
import {
  answerClinic,
  appointmentView,
  clinicFixture,
  freezeClock,
  openSlots,
  scheduleView,
} from '../testing/clinic';

beforeEach(() => freezeClock());
afterEach(() => jest.restoreAllMocks());

describe('booking from the schedule', () => {
  it('finds the patient, offers open times, books, and opens the booked day', async () => {
    const clinic = clinicFixture();
    const staff = answerClinic(['front-desk'], clinic);
    // Alexandra's 9:30 visit takes Dr. Patel's first hour on Tuesday; 10:00 is the first free one.
    const slotRequests = answer('findOpenSlots', ({ query }) =>
      page(
        query.get('visitTypeId') === clinic.newPatient.id
          ? openSlots(clinic.patel, clinic.north, 60, [
              '2026-12-01T15:00:00.000Z',
              '2026-12-01T16:00:00.000Z',
              '2026-12-01T17:00:00.000Z',
              '2026-12-01T18:00:00.000Z',
              '2026-12-01T19:00:00.000Z',
              '2026-12-01T20:00:00.000Z',
            ])
          : [],
      ),
    );
    const jordanVisit = appointmentRecordFactory({
      patientId: clinic.jordan.id,
      providerId: clinic.patel.id,
      locationId: clinic.north.id,
      visitTypeId: clinic.newPatient.id,
      startsAt: '2026-12-01T18:00:00.000Z',
      endsAt: '2026-12-01T19:00:00.000Z',
      reason: 'First visit',
    });
    const bookings = answer('bookAppointment', appointmentView(clinic, jordanVisit));
    answer('listSchedule', () => ({
      items: [clinic.alexVisit, ...(bookings.length > 0 ? [jordanVisit] : [])].map((visit) =>
        scheduleView(clinic, visit),
      ),
      hours: [],
      truncated: false,
    }));
    const { user, router } = renderApp({
      path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01`,
    });

    await user.click(await screen.findByRole('link', { name: 'Book an appointment' }));
    const form = await screen.findByRole('form', { name: 'Book an appointment' });
    await user.type(within(form).getByLabelText('Find the patient'), 'Lee{Enter}');
    await user.click(await within(form).findByRole('radio', { name: /Jordan Lee/ }));
    expect(within(form).getByText('Jordan Lee')).toBeInTheDocument();
    expect(staff.searches[0]?.query.get('query')).toBe('Lee');

    await user.selectOptions(
      within(form).getByLabelText('Visit type'),
      'New patient visit (60 minutes)',
    );
    expect(within(form).getByLabelText('Provider')).toHaveValue(clinic.patel.id);
    await waitFor(() =>
      expect(
        slotRequests.some(
          ({ query }) =>
            query.get('visitTypeId') === clinic.newPatient.id &&
            query.get('providerId') === clinic.patel.id,
        ),
      ).toBe(true),
    );
    const day = await within(form).findByRole('group', { name: 'Tuesday, December 1, 2026' });
    // Alexandra's 9:30 visit takes the first hour; 10:00 is the first free one.
    expect(within(day).queryByRole('radio', { name: /^9:00\s*AM/ })).not.toBeInTheDocument();
    expect(within(day).getAllByRole('radio')[0]).toHaveAccessibleName(/^10:00\s*AM\s*EST$/);
    await user.click(within(day).getByRole('radio', { name: /^1:00\s*PM\s*EST$/ }));
    await user.type(within(form).getByLabelText('Reason for the visit (optional)'), 'First visit');
    await user.click(within(form).getByRole('button', { name: 'Book appointment' }));

    expect(
      await screen.findByText(
        /Booked: Jordan Lee, Tue, Dec 1, 2026, 1:00\s*PM\s*EST, with Dr\. Priya Patel at North Clinic\./,
      ),
    ).toBeInTheDocument();
    expect(bookings[0]?.params['patientId']).toBe(clinic.jordan.id);
    expect(bookings[0]?.body).toEqual({
      visitTypeId: clinic.newPatient.id,
      providerId: clinic.patel.id,
      locationId: clinic.north.id,
      startsAt: '2026-12-01T18:00:00.000Z',
      reason: 'First visit',
    });
    expect(router.state.location.pathname).toBe('/schedule');
    expect(router.state.location.search).toContain('date=2026-12-01');
    const list = await screen.findByRole('list', { name: 'Tuesday, December 1, 2026' });
    expect(await within(list).findByRole('link', { name: 'Jordan Lee' })).toBeInTheDocument();
  });

  it('says what is missing before sending anything', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    answer('findOpenSlots', page([]));
    const bookings = answer('bookAppointment', problem(500, 'unexpected', 'Not expected.'));
    const { user } = renderApp({ path: `/schedule/book?provider=${clinic.patel.id}` });

    const form = await screen.findByRole('form', { name: 'Book an appointment' });
    await user.click(within(form).getByRole('button', { name: 'Book appointment' }));

    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Find and choose the patient.' }),
    ).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Choose a visit type.' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Visit type')).toHaveAttribute('aria-invalid', 'true');
    expect(bookings).toHaveLength(0);
  });

  it('keeps nurses out of booking', async () => {
    const clinic = clinicFixture();
    answerClinic(['nurse'], clinic);
    renderApp({ path: '/schedule/book' });

    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
  });
});
