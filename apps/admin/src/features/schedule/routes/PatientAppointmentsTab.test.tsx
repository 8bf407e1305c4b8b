import { appointmentRecordFactory, scheduleProblems } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { answer, page } from '../../../testing/api';
import { renderApp } from '../../../testing/render-app';
import {
  answerClinic,
  appointmentView,
  clinicFixture,
  freezeClock,
  openSlots,
  type Clinic,
} from '../testing/clinic';

beforeEach(() => freezeClock());
afterEach(() => jest.restoreAllMocks());

/** The patient's appointments as the API answers them: upcoming soonest first, past latest first. */
function answerAppointments(
  clinic: Clinic,
  upcoming: () => Parameters<typeof appointmentView>[1][],
  past: Parameters<typeof appointmentView>[1][] = [],
) {
  return answer('listPatientAppointments', ({ query }) =>
    page(
      (query.get('when') === 'past' ? past : upcoming()).map((visit) =>
        appointmentView(clinic, visit),
      ),
    ),
  );
}

function tabNames() {
  const tabs = screen.getByRole('navigation', { name: 'Patient record sections' });
  return within(tabs)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('patient record: appointments', () => {
  it('lists upcoming and past visits with status and reminder states', async () => {
    const clinic = clinicFixture();
    const past = appointmentRecordFactory({
      patientId: clinic.alex.id,
      providerId: clinic.kim.id,
      locationId: clinic.south.id,
      visitTypeId: clinic.followUp.id,
      status: 'no-show',
      startsAt: '2026-11-02T15:00:00.000Z',
      endsAt: '2026-11-02T15:30:00.000Z',
      createdAt: '2026-10-01T15:00:00.000Z',
    });
    const cancelled = appointmentRecordFactory({
      patientId: clinic.alex.id,
      providerId: clinic.patel.id,
      locationId: clinic.north.id,
      visitTypeId: clinic.followUp.id,
      status: 'cancelled',
      cancelledAt: '2026-11-25T15:00:00.000Z',
      cancelReason: 'Feeling better',
      startsAt: '2026-12-10T15:00:00.000Z',
      endsAt: '2026-12-10T15:30:00.000Z',
    });
    // Due 72 h before (Nov 28, sent) and 24 h before (Nov 30, 9:30 AM EST, still ahead).
    const visit = {
      ...clinic.alexVisit,
      reminders: [
        {
          offsetMinutes: 4320,
          dueAt: '2026-11-28T14:30:00.000Z',
          state: 'sent' as const,
          detail: null,
        },
        {
          offsetMinutes: 1440,
          dueAt: '2026-11-30T14:30:00.000Z',
          state: 'scheduled' as const,
          detail: null,
        },
      ],
    };
    answerClinic(['nurse'], clinic);
    answerAppointments(clinic, () => [visit], [cancelled, past]);
    renderApp({ path: `/patients/${clinic.alex.id}/appointments` });

    const upcoming = await screen.findByRole('table', {
      name: /Upcoming appointments of Alexandra Rivera/,
    });
    const [, row] = within(upcoming).getAllByRole('row');
    expect(row).toHaveTextContent(/Tue, Dec 1, 2026, 9:30\s*AM\s*EST/);
    expect(row).toHaveTextContent('Follow-up visit');
    expect(row).toHaveTextContent('Reason: Blood pressure check');
    expect(row).toHaveTextContent('Dr. Priya Patel');
    expect(row).toHaveTextContent('Booked');
    expect(row).toHaveTextContent('Reminder sent Nov 28 (3 days before)');
    expect(row).toHaveTextContent(
      /Reminder scheduled for Nov 30, 9:30\s*AM\s*EST \(1 day before\)/,
    );

    const pastTable = await screen.findByRole('table', { name: /Past and cancelled appointments/ });
    const rows = within(pastTable).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    // Latest first: the cancelled December visit, then the missed one (in Chicago time).
    expect(rows[0]).toHaveTextContent('Cancelled');
    expect(rows[0]).toHaveTextContent('Why: Feeling better');
    expect(rows[1]).toHaveTextContent(/Mon, Nov 2, 2026, 9:00\s*AM\s*CST/);
    expect(rows[1]).toHaveTextContent('No-show');
    expect(within(rows[1]!).getByRole('button', { name: /^Undo no-show/ })).toBeInTheDocument();
    // Nurses mark visits but do not book.
    expect(screen.queryByRole('button', { name: 'Book an appointment' })).not.toBeInTheDocument();
    expect(tabNames()).toEqual(['Details', 'Record', 'Results', 'Appointments', 'Send a message']);
  });

  it('books for the patient from the chart and sends exactly the chosen time', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    answer('findOpenSlots', ({ query }) =>
      page(
        query.get('providerId') === clinic.kim.id
          ? openSlots(clinic.kim, clinic.south, 30, [
              '2026-12-02T14:00:00.000Z',
              '2026-12-02T14:30:00.000Z',
              '2026-12-02T15:00:00.000Z',
            ])
          : [],
      ),
    );
    const booked = appointmentRecordFactory({
      patientId: clinic.jordan.id,
      providerId: clinic.kim.id,
      locationId: clinic.south.id,
      visitTypeId: clinic.followUp.id,
      startsAt: '2026-12-02T14:30:00.000Z',
      endsAt: '2026-12-02T15:00:00.000Z',
    });
    const bookings = answer('bookAppointment', appointmentView(clinic, booked));
    answerAppointments(clinic, () => (bookings.length > 0 ? [booked] : []));
    const { user } = renderApp({ path: `/patients/${clinic.jordan.id}/appointments` });

    expect(await screen.findByText('No upcoming appointments.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Book an appointment' }));
    expect(
      screen.getByRole('heading', { level: 3, name: 'Book an appointment for Jordan Lee' }),
    ).toHaveFocus();
    const form = screen.getByRole('form', { name: 'Book an appointment for Jordan Lee' });
    expect(within(form).queryByLabelText('Find the patient')).not.toBeInTheDocument();
    await user.selectOptions(
      within(form).getByLabelText('Visit type'),
      'Follow-up visit (30 minutes)',
    );
    await user.selectOptions(within(form).getByLabelText('Provider'), 'Dr. Sam Kim');
    const day = await within(form).findByRole('group', { name: 'Wednesday, December 2, 2026' });
    await user.click(within(day).getByRole('radio', { name: /^8:30\s*AM\s*CST$/ }));
    await user.click(within(form).getByRole('button', { name: 'Book appointment' }));

    expect(
      await screen.findByText(
        /Booked: Jordan Lee, Wed, Dec 2, 2026, 8:30\s*AM\s*CST, with Dr\. Sam Kim at South Clinic\./,
      ),
    ).toBeInTheDocument();
    expect(bookings).toHaveLength(1);
    const call = bookings[0];
    expect(call?.params['patientId']).toBe(clinic.jordan.id);
    expect(call?.body).toEqual({
      visitTypeId: clinic.followUp.id,
      providerId: clinic.kim.id,
      locationId: clinic.south.id,
      startsAt: '2026-12-02T14:30:00.000Z',
    });
    const upcoming = await screen.findByRole('table', {
      name: /Upcoming appointments of Jordan Lee/,
    });
    expect(upcoming).toHaveTextContent(/Wed, Dec 2, 2026, 8:30\s*AM\s*CST/);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('explains a time taken meanwhile and offers the rest', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    answerAppointments(clinic, () => []);
    // Someone else takes 10:00 before the booking is sent: the API refuses it, and the open
    // times asked for after the refusal no longer have it.
    const bookings = answer('bookAppointment', scheduleProblems.slotTaken());
    const slotRequests = answer('findOpenSlots', ({ query }) =>
      page(
        query.get('providerId') === clinic.patel.id
          ? openSlots(clinic.patel, clinic.north, 30, [
              ...(bookings.length > 0 ? [] : ['2026-12-01T15:00:00.000Z']),
              '2026-12-01T15:30:00.000Z',
              '2026-12-01T16:00:00.000Z',
            ])
          : [],
      ),
    );
    const { user } = renderApp({ path: `/patients/${clinic.jordan.id}/appointments` });

    await user.click(await screen.findByRole('button', { name: 'Book an appointment' }));
    const form = screen.getByRole('form', { name: /Book an appointment/ });
    await user.selectOptions(
      within(form).getByLabelText('Visit type'),
      'Follow-up visit (30 minutes)',
    );
    await user.selectOptions(within(form).getByLabelText('Provider'), 'Dr. Priya Patel');
    const day = await within(form).findByRole('group', { name: 'Tuesday, December 1, 2026' });
    await user.click(within(day).getByRole('radio', { name: /^10:00\s*AM\s*EST$/ }));
    const asked = slotRequests.length;
    await user.click(within(form).getByRole('button', { name: 'Book appointment' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('That time was booked by someone else a moment ago.');
    await waitFor(() =>
      expect(
        within(within(form).getByRole('group', { name: 'Tuesday, December 1, 2026' })).queryByRole(
          'radio',
          { name: /^10:00\s*AM\s*EST$/ },
        ),
      ).not.toBeInTheDocument(),
    );
    expect(bookings[0]?.body.startsAt).toBe('2026-12-01T15:00:00.000Z');
    expect(slotRequests.length).toBeGreaterThan(asked);
  });

  it('is not a tab for billing', async () => {
    const clinic = clinicFixture();
    answerClinic(['billing'], clinic);
    renderApp({ path: `/patients/${clinic.alex.id}` });

    await screen.findByRole('heading', { level: 1, name: 'Alexandra Rivera' });
    expect(tabNames()).toEqual(['Details', 'Send a message']);
  });
});
