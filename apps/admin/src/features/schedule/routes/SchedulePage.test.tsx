import {
  appointmentRecordFactory,
  scheduleProblems,
  type MockAppointmentRecord,
} from '@portal/api-mocks';
import { act, screen, waitFor, within } from '@testing-library/react';
import { answer, page } from '../../../testing/api';
import { scheduleItemFactory } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';
import {
  answerClinic,
  appointmentView,
  clinicFixture,
  freezeClock,
  openSlots,
  scheduleView,
  type Clinic,
} from '../testing/clinic';

beforeEach(() => freezeClock());
afterEach(() => jest.restoreAllMocks());

const DEC_1 = 'Tuesday, December 1, 2026';

async function appointmentItem(dayName: string, patientName: string) {
  const list = await screen.findByRole('list', { name: dayName });
  const link = await within(list).findByRole('link', { name: patientName });
  return link.closest('li') as HTMLElement;
}

/** Dr. Patel's open hours in the week of 30 November: weekdays 9–5 in New York. */
function patelHours(clinic: Clinic) {
  return ['11-30', '12-01', '12-02', '12-03', '12-04'].map((day) => ({
    providerId: clinic.patel.id,
    locationId: clinic.north.id,
    startsAt: `2026-${day}T14:00:00.000Z`,
    endsAt: `2026-${day}T22:00:00.000Z`,
  }));
}

/**
 * The schedule's answer: these visits (the cancelled ones only when asked for) and, for a
 * provider's schedule, Dr. Patel's hours. Returns the requests received.
 */
function answerSchedule(clinic: Clinic, visits: () => MockAppointmentRecord[]) {
  return answer('listSchedule', ({ query }) => ({
    items: visits()
      .filter((visit) => query.get('includeCancelled') === 'true' || visit.status !== 'cancelled')
      .map((visit) => scheduleView(clinic, visit)),
    hours: query.get('providerId') === clinic.patel.id ? patelHours(clinic) : [],
    truncated: false,
  }));
}

/** The clinic for these roles, with Alexandra's Tuesday visit on Dr. Patel's schedule. */
function answerDay(roles: string[], clinic: Clinic) {
  answerClinic(roles, clinic);
  return answerSchedule(clinic, () => [clinic.alexVisit]);
}

function menuLinks() {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('schedule calendar', () => {
  it('writes each time in the location’s zone, though the browser runs in UTC', async () => {
    const clinic = clinicFixture();
    answerDay(['front-desk'], clinic);
    renderApp({ path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01` });

    const item = await appointmentItem(DEC_1, 'Alexandra Rivera');
    // 14:30 UTC is 9:30 in New York in December.
    expect(item).toHaveTextContent(/9:30\s*–\s*10:00\s*AM\s*EST/);
    expect(item.querySelector('time')).toHaveAttribute('datetime', '2026-12-01T14:30:00.000Z');
    expect(within(item).getByRole('link', { name: 'Alexandra Rivera' })).toHaveAttribute(
      'href',
      `/patients/${clinic.alex.id}/appointments`,
    );
    expect(item).toHaveTextContent(`MRN ${clinic.alex.mrn}`);
    expect(item).toHaveTextContent('Follow-up visit · North Clinic');
    expect(item).toHaveTextContent('Booked');
    const day = screen.getByRole('region', { name: DEC_1 });
    expect(day).toHaveTextContent(/Open: 9:00\s*AM\s*–\s*5:00\s*PM\s*EST at North Clinic/);
    expect(
      screen.getByText(/Dr\. Priya Patel: Tuesday, December 1, 2026\. Times in EST/),
    ).toBeInTheDocument();
  });

  it('asks the API for the location’s local midnight to midnight', async () => {
    const clinic = clinicFixture();
    const reads = answerDay(['nurse'], clinic);
    renderApp({ path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01` });

    await appointmentItem(DEC_1, 'Alexandra Rivera');
    const query = reads[0]?.query;
    expect(query?.get('providerId')).toBe(clinic.patel.id);
    expect(query?.get('from')).toBe('2026-12-01T05:00:00.000Z');
    expect(query?.get('to')).toBe('2026-12-02T05:00:00.000Z');
  });

  it('shows the seven days of the week, Monday first, in the week view', async () => {
    const clinic = clinicFixture();
    const reads = answerDay(['provider'], clinic);
    renderApp({ path: `/schedule?provider=${clinic.patel.id}&view=week&date=2026-12-03` });

    await appointmentItem(DEC_1, 'Alexandra Rivera');
    const days = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(days).toEqual([
      expect.stringContaining('Monday, November 30, 2026'),
      expect.stringContaining(DEC_1),
      expect.stringContaining('Wednesday, December 2, 2026'),
      expect.stringContaining('Thursday, December 3, 2026'),
      expect.stringContaining('Friday, December 4, 2026'),
      expect.stringContaining('Saturday, December 5, 2026'),
      expect.stringContaining('Sunday, December 6, 2026'),
    ]);
    expect(screen.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('region', { name: /Saturday/ })).toHaveTextContent('No open hours');
    const query = reads[0]?.query;
    expect(query?.get('from')).toBe('2026-11-30T05:00:00.000Z');
    expect(query?.get('to')).toBe('2026-12-07T05:00:00.000Z');
  });

  it('follows the address: a location’s day, in that location’s zone, naming providers', async () => {
    const clinic = clinicFixture();
    const kimVisit = appointmentRecordFactory({
      patientId: clinic.jordan.id,
      providerId: clinic.kim.id,
      locationId: clinic.south.id,
      visitTypeId: clinic.followUp.id,
      startsAt: '2026-12-02T15:00:00.000Z',
      endsAt: '2026-12-02T15:30:00.000Z',
    });
    answerClinic(['front-desk'], clinic);
    const reads = answerSchedule(clinic, () => [kimVisit]);
    renderApp({ path: `/schedule?location=${clinic.south.id}&date=2026-12-02&layout=list` });

    const item = await appointmentItem('Wednesday, December 2, 2026', 'Jordan Lee');
    expect(item).toHaveTextContent(/9:00\s*–\s*9:30\s*AM\s*CST/);
    expect(item).toHaveTextContent('Follow-up visit · Dr. Sam Kim');
    // Open hours belong to a provider; a location's day does not claim any.
    expect(screen.queryByText(/open hours|^Open:/i)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Schedule of')).toHaveValue(`location:${clinic.south.id}`);
    expect(screen.getByLabelText('Date')).toHaveValue('2026-12-02');
    expect(screen.getByRole('button', { name: 'Day' })).toHaveAttribute('aria-pressed', 'true');
    const query = reads[0]?.query;
    expect(query?.get('locationId')).toBe(clinic.south.id);
    expect(query?.get('from')).toBe('2026-12-02T06:00:00.000Z');
  });

  it('moves to the next day with "]", to the week with "w", but not while typing', async () => {
    const clinic = clinicFixture();
    answerDay(['front-desk'], clinic);
    const { user, router } = renderApp({
      path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-11-30`,
    });

    expect(
      await screen.findByRole('region', { name: 'Monday, November 30, 2026 (today)' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/\[ for the previous day or week, \] for the next/)).toHaveClass(
      'ui-visually-hidden',
    );
    await user.keyboard(']');
    expect(await screen.findByRole('region', { name: DEC_1 })).toBeInTheDocument();
    expect(router.state.location.search).toContain('date=2026-12-01');
    await appointmentItem(DEC_1, 'Alexandra Rivera');

    await user.click(screen.getByLabelText('Date'));
    await user.keyboard(']');
    expect(router.state.location.search).toContain('date=2026-12-01');

    (document.activeElement as HTMLElement).blur();
    await user.keyboard('w');
    await waitFor(() => expect(router.state.location.search).toContain('view=week'));
    expect(
      await screen.findByRole('region', { name: 'Sunday, December 6, 2026' }),
    ).toBeInTheDocument();
    await user.keyboard('t');
    await waitFor(() => expect(router.state.location.search).toContain('date=2026-11-30'));
  });

  it('shows an appointment’s reminder emails when asked, reading it once', async () => {
    const clinic = clinicFixture();
    answerDay(['front-desk'], clinic);
    const reads = answer(
      'getAppointment',
      appointmentView(clinic, clinic.alexVisit, [
        { offsetMinutes: 4320, dueAt: '2026-11-28T14:30:00.000Z', state: 'sent', detail: null },
        {
          offsetMinutes: 1440,
          dueAt: '2026-11-30T14:30:00.000Z',
          state: 'scheduled',
          detail: null,
        },
      ]),
    );
    const { user } = renderApp({
      path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01`,
    });

    const item = await appointmentItem(DEC_1, 'Alexandra Rivera');
    expect(reads).toHaveLength(0);
    const toggle = within(item).getByRole('button', { name: /^Reminders for Alexandra Rivera/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(
      await within(item).findByText('Reminder sent Nov 28 (3 days before)'),
    ).toBeInTheDocument();
    expect(item).toHaveTextContent(
      /Reminder scheduled for Nov 30, 9:30\s*AM\s*EST \(1 day before\)/,
    );
    expect(reads).toHaveLength(1);
  });

  it('lists cancelled appointments only when asked to', async () => {
    const clinic = clinicFixture();
    const cancelled = appointmentRecordFactory({
      patientId: clinic.jordan.id,
      providerId: clinic.patel.id,
      locationId: clinic.north.id,
      visitTypeId: clinic.followUp.id,
      status: 'cancelled',
      startsAt: '2026-12-01T16:00:00.000Z',
      endsAt: '2026-12-01T16:30:00.000Z',
    });
    answerClinic(['front-desk'], clinic);
    const reads = answerSchedule(clinic, () => [clinic.alexVisit, cancelled]);
    const { user, router } = renderApp({
      path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01`,
    });

    await appointmentItem(DEC_1, 'Alexandra Rivera');
    expect(screen.queryByRole('link', { name: 'Jordan Lee' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Show cancelled appointments' }));

    const item = await appointmentItem(DEC_1, 'Jordan Lee');
    expect(item).toHaveTextContent('Cancelled');
    expect(within(item).queryByRole('button', { name: /^Mark/ })).not.toBeInTheDocument();
    expect(router.state.location.search).toContain('cancelled=1');
    expect(reads.at(-1)?.query.get('includeCancelled')).toBe('true');
  });

  it('marks an arrival with the version on screen and shows the new status', async () => {
    const clinic = clinicFixture();
    answerClinic(['nurse'], clinic);
    let visit = clinic.alexVisit;
    answerSchedule(clinic, () => [visit]);
    const marks = answer('setAppointmentStatus', () => {
      visit = { ...visit, status: 'arrived', version: 2 };
      return appointmentView(clinic, visit);
    });
    const { user } = renderApp({
      path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01`,
    });

    const item = await appointmentItem(DEC_1, 'Alexandra Rivera');
    await user.click(within(item).getByRole('button', { name: /^Mark arrived/ }));

    expect(await screen.findByText('Alexandra Rivera is marked as arrived.')).toBeInTheDocument();
    expect(marks[0]?.body).toEqual({
      version: 1,
      status: 'arrived',
    });
    const updated = await appointmentItem(DEC_1, 'Alexandra Rivera');
    await waitFor(() => expect(updated).toHaveTextContent('Arrived'));
    expect(within(updated).getByRole('button', { name: /^Mark completed/ })).toBeInTheDocument();
    expect(within(updated).getByRole('button', { name: /^Undo arrival/ })).toBeInTheDocument();
  });

  it('explains a change made meanwhile by someone else, reloads, and then succeeds', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    let visit = clinic.alexVisit;
    const reads = answerSchedule(clinic, () => [visit]);
    // The first mark meets the change made meanwhile; the one after the reload goes through.
    const marks = answer('setAppointmentStatus', () => {
      if (marks.length === 1) return scheduleProblems.appointmentChanged();
      visit = { ...visit, status: 'arrived', version: 3 };
      return appointmentView(clinic, visit);
    });
    const { user } = renderApp({
      path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01`,
    });

    const item = await appointmentItem(DEC_1, 'Alexandra Rivera');
    visit = { ...visit, reason: 'Changed at the desk', version: 2 };
    await user.click(within(item).getByRole('button', { name: /^Mark arrived/ }));

    const message = await screen.findByText(/Someone else changed this appointment a moment ago/);
    expect(message).toHaveTextContent('nothing was saved');
    await waitFor(() => expect(reads).toHaveLength(2));
    const reloaded = await appointmentItem(DEC_1, 'Alexandra Rivera');
    expect(reloaded).toHaveTextContent('Booked');

    await user.click(within(reloaded).getByRole('button', { name: /^Mark arrived/ }));
    expect(await screen.findByText('Alexandra Rivera is marked as arrived.')).toBeInTheDocument();
    expect(marks.map((call) => call.body)).toEqual([
      { version: 1, status: 'arrived' },
      { version: 2, status: 'arrived' },
    ]);
  });

  it('cancels after one question, with the reason required', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    let visit = clinic.alexVisit;
    answerSchedule(clinic, () => [visit]);
    const cancels = answer('cancelAppointment', ({ body }) => {
      visit = {
        ...visit,
        status: 'cancelled',
        cancelReason: body.reason ?? null,
        cancelledAt: new Date(Date.now()).toISOString(),
        version: 2,
      };
      return appointmentView(clinic, visit);
    });
    const { user } = renderApp({
      path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01`,
    });

    const item = await appointmentItem(DEC_1, 'Alexandra Rivera');
    await user.click(within(item).getByRole('button', { name: /^Cancel for Alexandra Rivera/ }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this appointment?' });
    expect(dialog).toHaveTextContent(/Tue, Dec 1, 2026, 9:30\s*AM\s*EST/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));
    expect(within(dialog).getByLabelText('Reason for cancelling')).toHaveAccessibleDescription(
      expect.stringContaining('Say why the appointment is cancelled.'),
    );
    expect(cancels).toHaveLength(0);

    await user.type(
      within(dialog).getByLabelText('Reason for cancelling'),
      'Patient is travelling',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel appointment' }));

    expect(
      await screen.findByText(
        /Alexandra Rivera’s appointment on Tue, Dec 1, 2026.* is cancelled\./,
      ),
    ).toBeInTheDocument();
    expect(cancels[0]?.body).toEqual({
      version: 1,
      reason: 'Patient is travelling',
    });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Alexandra Rivera' })).not.toBeInTheDocument(),
    );
  });

  it('moves an appointment to an open time of the same provider', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    let visit = clinic.alexVisit;
    answerSchedule(clinic, () => [visit]);
    const slotReads = answer('findOpenSlots', ({ query }) =>
      page(
        query.get('providerId') === clinic.patel.id
          ? openSlots(clinic.patel, clinic.north, 30, [
              '2026-12-02T14:00:00.000Z',
              '2026-12-02T15:00:00.000Z',
              '2026-12-02T16:00:00.000Z',
            ])
          : [],
      ),
    );
    const moves = answer('rescheduleAppointment', ({ body }) => {
      visit = {
        ...visit,
        startsAt: body.startsAt,
        endsAt: new Date(Date.parse(body.startsAt) + 30 * 60_000).toISOString(),
        version: 2,
      };
      return appointmentView(clinic, visit);
    });
    const { user } = renderApp({
      path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01`,
    });

    const item = await appointmentItem(DEC_1, 'Alexandra Rivera');
    await user.click(within(item).getByRole('button', { name: /^Move/ }));
    const dialog = screen.getByRole('dialog', { name: 'Move appointment' });
    const day = await within(dialog).findByRole('group', { name: 'Wednesday, December 2, 2026' });
    await user.click(within(day).getByRole('radio', { name: /^11:00\s*AM\s*EST$/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Move appointment' }));

    expect(
      await screen.findByText(/appointment is moved to Wed, Dec 2, 2026, 11:00/),
    ).toBeInTheDocument();
    const call = slotReads[0];
    expect(call?.query.get('visitTypeId')).toBe(clinic.followUp.id);
    expect(call?.query.get('providerId')).toBe(clinic.patel.id);
    expect(moves[0]?.body).toEqual({
      version: 1,
      startsAt: '2026-12-02T16:00:00.000Z',
      providerId: clinic.patel.id,
      locationId: clinic.north.id,
    });
  });

  it('lets nurses and providers mark visits but not book, move or cancel', async () => {
    const clinic = clinicFixture();
    answerDay(['nurse'], clinic);
    renderApp({ path: `/schedule?provider=${clinic.patel.id}&view=day&date=2026-12-01` });

    const item = await appointmentItem(DEC_1, 'Alexandra Rivera');
    expect(within(item).getByRole('button', { name: /^Mark arrived/ })).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: /^Move/ })).not.toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: /^Cancel/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Book an appointment' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See hours and time off' })).toBeInTheDocument();
  });

  it('opens on the signed-in provider’s own schedule', async () => {
    const clinic = clinicFixture();
    const accountId = '0190b5d2-7c4e-7000-8000-0000000a11ce';
    const kim = { ...clinic.kim, accountId };
    answerClinic(['provider'], { ...clinic, kim }, accountId);
    answerSchedule(clinic, () => []);
    renderApp({ path: '/schedule' });

    expect(
      await screen.findByText(/Dr\. Sam Kim: Monday, November 30, 2026\. Times in CST/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Schedule of')).toHaveValue(`provider:${kim.id}`);
  });

  it('shows Schedule in the menu to the roles that work it, not to billing', async () => {
    const clinic = clinicFixture();
    answerClinic(['billing'], clinic);
    const { router } = renderApp({ path: '/' });
    await screen.findByRole('navigation', { name: 'Main' });
    expect(menuLinks()).not.toContain('Schedule');

    await act(() => router.navigate('/schedule'));
    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
  });

  it('shows Schedule in the menu to nurses, and it opens', async () => {
    const clinic = clinicFixture();
    answerDay(['nurse'], clinic);
    const { user } = renderApp({ path: '/' });
    await screen.findByRole('navigation', { name: 'Main' });
    expect(menuLinks()).toContain('Schedule');
    expect(menuLinks()).not.toContain('Clinic settings');

    await user.click(screen.getByRole('link', { name: 'Schedule' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Schedule' })).toBeInTheDocument();
    expect(
      await screen.findByText(/Dr\. Priya Patel: Monday, November 30, 2026/),
    ).toBeInTheDocument();
  });
});

describe('a location’s day grid', () => {
  function gridDay(clinic: Clinic) {
    const hours = (providerId: string) => ({
      providerId,
      locationId: clinic.north.id,
      // 9:00–11:00 AM EST on Tuesday 1 December.
      startsAt: '2026-12-01T14:00:00.000Z',
      endsAt: '2026-12-01T16:00:00.000Z',
    });
    const patel = { id: clinic.patel.id, displayName: 'Dr. Priya Patel', specialty: 'Family' };
    const kim = { id: clinic.kim.id, displayName: 'Dr. Sam Kim', specialty: 'Pediatrics' };
    const items = [
      scheduleItemFactory({
        provider: patel,
        location: clinic.north,
        startsAt: '2026-12-01T14:30:00.000Z',
        endsAt: '2026-12-01T15:30:00.000Z',
        patient: { id: clinic.alex.id, displayName: 'Alexandra Rivera', mrn: clinic.alex.mrn },
      }),
      scheduleItemFactory({
        provider: kim,
        location: clinic.north,
        status: 'arrived',
        startsAt: '2026-12-01T14:00:00.000Z',
        endsAt: '2026-12-01T14:30:00.000Z',
        patient: { id: clinic.jordan.id, displayName: 'Jordan Lee', mrn: clinic.jordan.mrn },
      }),
    ];
    return {
      items,
      hours: [hours(clinic.patel.id), hours(clinic.kim.id)],
      truncated: false,
    };
  }

  it('puts each provider in a column and each visit in its rows, the zone named', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    answer('listSchedule', gridDay(clinic));
    answer('findOpenSlots', page([]));
    renderApp({ path: `/schedule?location=${clinic.north.id}&date=2026-12-01` });

    const grid = await screen.findByRole('table', { name: /North Clinic, Tuesday, December 1/ });
    expect(grid).toHaveAccessibleName(/in EST \(America\/New_York\)/);
    const columns = within(grid).getAllByRole('columnheader');
    expect(columns.map((cell) => cell.textContent)).toEqual([
      'Time (EST)',
      'Dr. Priya Patel',
      'Dr. Sam Kim',
    ]);
    const rows = within(grid).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      '9:00 AM',
      '9:30 AM',
      '10:00 AM',
      '10:30 AM',
    ]);
    // 9:00: Patel free (a booking link), Kim's visit (arrived).
    const nine = within(rows[0]!).getAllByRole('cell');
    expect(within(nine[0]!).getByRole('link')).toHaveAccessibleName(
      'Book 9:00 AM with Dr. Priya Patel',
    );
    expect(nine[1]).toHaveTextContent('Jordan Lee');
    expect(nine[1]).toHaveTextContent('Arrived');
    // 9:30: Patel's hour-long visit takes two rows.
    const nineThirty = within(rows[1]!).getAllByRole('cell');
    expect(nineThirty[0]).toHaveTextContent('Alexandra Rivera');
    expect(nineThirty[0]).toHaveAttribute('rowspan', '2');
    // 10:00: only Kim's cell is left in the row.
    expect(within(rows[2]!).getAllByRole('cell')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Grid' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('books from an empty cell with the provider, location and time chosen', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    answer('listSchedule', gridDay(clinic));
    answer('findOpenSlots', page([]));
    const { user, router } = renderApp({
      path: `/schedule?location=${clinic.north.id}&date=2026-12-01`,
    });

    await user.click(await screen.findByRole('link', { name: 'Book 10:30 AM with Dr. Sam Kim' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Book an appointment' }),
    ).toBeInTheDocument();
    const search = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(search)).toEqual({
      provider: clinic.kim.id,
      location: clinic.north.id,
      date: '2026-12-01',
      time: '10:30',
    });
    expect(await screen.findByLabelText('Provider')).toHaveValue(clinic.kim.id);
    expect(screen.getByLabelText('Location')).toHaveValue(clinic.north.id);
    expect(
      screen.getByText(/Time asked for: Tue, Dec 1, 2026, 10:30\s*AM EST/),
    ).toBeInTheDocument();
  });

  it('keeps the list as the alternative, in the address', async () => {
    const clinic = clinicFixture();
    answerClinic(['front-desk'], clinic);
    answer('listSchedule', gridDay(clinic));
    answer('findOpenSlots', page([]));
    const { user, router } = renderApp({
      path: `/schedule?location=${clinic.north.id}&date=2026-12-01`,
    });

    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'List' }));
    expect(await appointmentItem(DEC_1, 'Jordan Lee')).toHaveTextContent('Arrived');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('layout')).toBe('list');
  });
});
