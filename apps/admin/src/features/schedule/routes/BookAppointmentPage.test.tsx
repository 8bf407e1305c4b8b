import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../testing/render-app';
import { clinicFixture, freezeClock, serveClinic } from '../testing/clinic';

beforeEach(() => freezeClock());
afterEach(() => jest.restoreAllMocks());

describe('booking from the schedule', () => {
  it('finds the patient, offers open times, books, and opens the booked day', async () => {
    const clinic = clinicFixture();
    const { schedule, staff } = serveClinic(['front-desk'], clinic);
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
    expect(schedule.callsTo('bookAppointment')[0]?.params['patientId']).toBe(clinic.jordan.id);
    expect(schedule.callsTo('bookAppointment')[0]?.body).toEqual({
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
    const { schedule } = serveClinic(['front-desk'], clinic);
    const { user } = renderApp({ path: `/schedule/book?provider=${clinic.patel.id}` });

    const form = await screen.findByRole('form', { name: 'Book an appointment' });
    await user.click(within(form).getByRole('button', { name: 'Book appointment' }));

    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Find and choose the patient.' }),
    ).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Choose a visit type.' })).toBeInTheDocument();
    expect(within(form).getByLabelText('Visit type')).toHaveAttribute('aria-invalid', 'true');
    expect(schedule.callsTo('bookAppointment')).toHaveLength(0);
  });

  it('keeps nurses out of booking', async () => {
    const clinic = clinicFixture();
    serveClinic(['nurse'], clinic);
    renderApp({ path: '/schedule/book' });

    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
  });
});
