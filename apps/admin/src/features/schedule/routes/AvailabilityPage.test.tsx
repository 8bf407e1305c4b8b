import {
  appointmentRecordFactory,
  availabilityExceptionFactory,
  problems,
  type MockAppointmentRecord,
  type MockAvailabilityException,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { answer, apiRequests } from '../../../testing/api';
import { renderApp } from '../../../testing/render-app';
import { answerClinic, clinicFixture, freezeClock, type Clinic } from '../testing/clinic';

beforeEach(() => freezeClock());
afterEach(() => jest.restoreAllMocks());

/** A booked appointment the hours leave out, as the API lists it. */
function conflict(clinic: Clinic, visit: MockAppointmentRecord) {
  const patient = [clinic.alex, clinic.jordan].find((p) => p.id === visit.patientId)!;
  return {
    appointmentId: visit.id,
    patientId: visit.patientId,
    patientName: `${patient.givenName} ${patient.familyName}`,
    startsAt: visit.startsAt,
    endsAt: visit.endsAt,
    locationId: visit.locationId,
    visitTypeName: clinic.followUp.name,
    problem: 'outside-hours' as const,
  };
}

/** Signs in and states Dr. Patel's page: the catalogue, her hours, exceptions and conflicts. */
function answerHours(
  roles: string[],
  clinic: Clinic,
  options: {
    exceptions?: () => MockAvailabilityException[];
    conflicts?: () => ReturnType<typeof conflict>[];
  } = {},
) {
  const { exceptions = () => [], conflicts = () => [] } = options;
  answerClinic(roles, clinic);
  answer('getProvider', clinic.patel);
  answer('getProviderAvailability', () => ({
    providerId: clinic.patel.id,
    rules: clinic.rules[clinic.patel.id]!,
    exceptions: exceptions(),
  }));
  answer('listScheduleConflicts', () => ({ items: conflicts() }));
}

/** Dr. Patel's page for the front desk, where an exception added is listed from then on. */
function answerAdding(clinic: Clinic) {
  const added: MockAvailabilityException[] = [];
  answerHours(['front-desk'], clinic, { exceptions: () => added });
  return answer('addAvailabilityException', ({ body }) => {
    const exception = availabilityExceptionFactory({
      kind: body.kind,
      locationId: body.locationId ?? null,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      note: body.note ?? null,
    });
    added.push(exception);
    return { exception, conflicts: [] };
  });
}

function hoursForm() {
  return screen.findByRole('form', { name: 'Weekly hours' });
}

describe('provider hours', () => {
  it('puts the API’s field errors on the very inputs they name', async () => {
    const clinic = clinicFixture();
    answerHours(['front-desk'], clinic);
    // The API's answer to the rows sent: row 3 overlaps row 2, row 4 ends off the grid.
    const saves = answer(
      'replaceWeeklyAvailability',
      problems.validation([
        {
          field: 'rules[2].startTime',
          message: 'These hours overlap row 2 on the same weekday.',
        },
        { field: 'rules[3].endTime', message: 'Use a time on a 5-minute step, like 09:05.' },
      ]),
    );
    const { user } = renderApp({ path: `/schedule/providers/${clinic.patel.id}/availability` });

    const form = await hoursForm();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Hours and time off: Dr. Priya Patel' }),
    ).toBeInTheDocument();
    // Row 3 (Wednesday) becomes a second Tuesday: it overlaps row 2.
    await user.selectOptions(within(form).getByLabelText('Weekday, row 3'), 'Tuesday');
    // Row 4 ends off the 5-minute grid.
    const end = within(form).getByLabelText('End time, row 4');
    await user.clear(end);
    await user.type(end, '16:52');
    await user.click(within(form).getByRole('button', { name: 'Save weekly hours' }));

    const start3 = within(form).getByLabelText('Start time, row 3');
    await waitFor(() => expect(start3).toHaveAttribute('aria-invalid', 'true'));
    expect(start3).toHaveAccessibleDescription('These hours overlap row 2 on the same weekday.');
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(end).toHaveAccessibleDescription('Use a time on a 5-minute step, like 09:05.');
    expect(within(form).getByLabelText('End time, row 3')).not.toHaveAttribute('aria-invalid');

    const summary = screen.getByRole('alert');
    const link = within(summary).getByRole('link', {
      name: 'Row 3: These hours overlap row 2 on the same weekday.',
    });
    expect(link).toHaveAttribute('href', '#hours-2-startTime');
    await user.click(link);
    expect(start3).toHaveFocus();
    expect(saves[0]?.body.rules[2]).toMatchObject({
      weekday: 2,
      startTime: '09:00',
      endTime: '17:00',
    });
    expect(saves[0]?.body.rules[3]).toMatchObject({ weekday: 4, endTime: '16:52' });
  });

  it('checks the obvious before sending: an end before the start', async () => {
    const clinic = clinicFixture();
    answerHours(['admin'], clinic);
    const saves = answer('replaceWeeklyAvailability', problems.validation([]));
    const { user } = renderApp({ path: `/schedule/providers/${clinic.patel.id}/availability` });

    const form = await hoursForm();
    const end = within(form).getByLabelText('End time, row 1');
    await user.clear(end);
    await user.type(end, '08:00');
    await user.click(within(form).getByRole('button', { name: 'Save weekly hours' }));

    expect(
      await within(form).findByText('The end time must be after the start time.'),
    ).toBeInTheDocument();
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(saves).toHaveLength(0);
  });

  it('lists the booked appointments a save leaves outside the hours, which stay booked', async () => {
    const clinic = clinicFixture();
    // Without Tuesdays, Alexandra's Tuesday visit is outside the hours; it stays booked.
    const outside = [conflict(clinic, clinic.alexVisit)];
    let saved = false;
    answerHours(['front-desk'], clinic, { conflicts: () => (saved ? outside : []) });
    const saves = answer('replaceWeeklyAvailability', ({ body }) => {
      saved = true;
      return {
        rules: body.rules.map((rule, index) => ({
          id: `rule-${index}`,
          validUntil: null,
          validFrom: '2026-01-01',
          ...rule,
        })),
        conflicts: outside,
      };
    });
    const { user } = renderApp({ path: `/schedule/providers/${clinic.patel.id}/availability` });

    const form = await hoursForm();
    expect(
      await screen.findByText('No booked appointment falls outside this provider’s hours.'),
    ).toBeInTheDocument();
    // Drop Tuesdays: Alexandra's Tuesday visit is then outside the hours.
    await user.click(within(form).getByRole('button', { name: 'Remove row 2' }));
    await user.click(within(form).getByRole('button', { name: 'Save weekly hours' }));

    const alert = await screen.findByText(
      '1 booked appointment is now outside this provider’s hours.',
    );
    const box = alert.closest('.ui-alert') as HTMLElement;
    expect(box).toHaveTextContent('They are still booked: move or cancel each one.');
    const link = within(box).getByRole('link', {
      name: /Tue, Dec 1, 2026, 9:30\s*AM\s*EST, Alexandra Rivera/,
    });
    expect(link).toHaveAttribute('href', `/patients/${clinic.alex.id}/appointments`);
    expect(box).toHaveTextContent('outside the weekly hours');
    expect(saves[0]?.body).toEqual({
      rules: [1, 3, 4, 5].map((weekday) => ({
        locationId: clinic.north.id,
        weekday,
        startTime: '09:00',
        endTime: '17:00',
        validFrom: '2026-01-01',
      })),
    });
    // Nothing asks to cancel or move the visit: the save is the only change sent.
    expect(apiRequests().filter(({ method }) => method !== 'GET')).toHaveLength(1);
    const panel = screen.getByRole('region', { name: 'Booked appointments outside the hours' });
    expect(
      await within(panel).findByText(/1 booked appointment is outside this provider’s hours/),
    ).toBeInTheDocument();
  });

  it('adds time off across a clock change, turning local times into the right instants', async () => {
    const clinic = clinicFixture();
    const adds = answerAdding(clinic);
    const { user } = renderApp({ path: `/schedule/providers/${clinic.patel.id}/availability` });

    const form = await screen.findByRole('form', { name: 'Add time off or extra hours' });
    expect(form).toHaveTextContent('Dates and times are read in America/New_York.');
    await user.type(within(form).getByLabelText('Start date'), '2027-03-13');
    await user.type(within(form).getByLabelText('End date'), '2027-03-15');
    const endTime = within(form).getByLabelText('End time');
    await user.clear(endTime);
    await user.type(endTime, '09:00');
    await user.type(within(form).getByLabelText('Note (optional)'), 'Conference');
    await user.click(within(form).getByRole('button', { name: 'Add' }));

    expect(
      await screen.findByText(
        /Time off added: Sat, Mar 13, 2027, 9:00\s*AM\s*EST to Mon, Mar 15, 2027, 9:00\s*AM\s*EDT\./,
      ),
    ).toBeInTheDocument();
    // Clocks go forward on 14 March 2027: 9:00 is 14:00 UTC before, 13:00 UTC after.
    expect(adds[0]?.body).toEqual({
      kind: 'time-off',
      startsAt: '2027-03-13T14:00:00.000Z',
      endsAt: '2027-03-15T13:00:00.000Z',
      note: 'Conference',
    });
    const table = await screen.findByRole('table', { name: /Time off and extra hours/ });
    expect(within(table).getByRole('rowheader', { name: 'Time off' })).toBeInTheDocument();
  });

  it('reads extra hours on the chosen location’s clock', async () => {
    const clinic = clinicFixture();
    const adds = answerAdding(clinic);
    const { user } = renderApp({ path: `/schedule/providers/${clinic.patel.id}/availability` });

    const form = await screen.findByRole('form', { name: 'Add time off or extra hours' });
    await user.click(within(form).getByRole('radio', { name: /Extra hours/ }));
    await user.selectOptions(
      within(form).getByLabelText('Location'),
      'South Clinic (America/Chicago)',
    );
    await user.type(within(form).getByLabelText('Start date'), '2026-12-05');
    await user.type(within(form).getByLabelText('End date'), '2026-12-05');
    await user.click(within(form).getByRole('button', { name: 'Add' }));

    await screen.findByText(/Extra hours added/);
    expect(adds[0]?.body).toEqual({
      kind: 'extra-hours',
      locationId: clinic.south.id,
      startsAt: '2026-12-05T15:00:00.000Z',
      endsAt: '2026-12-05T23:00:00.000Z',
    });
  });

  it('deletes time off after asking once', async () => {
    const clinic = clinicFixture();
    const off = availabilityExceptionFactory({
      startsAt: '2026-12-24T05:00:00.000Z',
      endsAt: '2026-12-25T05:00:00.000Z',
      note: 'Holiday',
    });
    let ahead = [off];
    answerHours(['front-desk'], clinic, { exceptions: () => ahead });
    const deletes = answer('deleteAvailabilityException', () => {
      ahead = [];
      return { conflicts: [] };
    });
    const { user } = renderApp({ path: `/schedule/providers/${clinic.patel.id}/availability` });

    const table = await screen.findByRole('table', { name: /Time off and extra hours/ });
    expect(table).toHaveTextContent(/Thu, Dec 24, 2026, 12:00\s*AM\s*EST/);
    await user.click(
      within(table).getByRole('button', { name: /^Delete Time off from Thu, Dec 24/ }),
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this time off?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('The time off is deleted.')).toBeInTheDocument();
    expect(deletes[0]?.params['exceptionId']).toBe(off.id);
    expect(await screen.findByText('No time off or extra hours ahead.')).toBeInTheDocument();
  });

  it('lists the booked appointments that are outside the hours now', async () => {
    const clinic = clinicFixture();
    const saturday = appointmentRecordFactory({
      patientId: clinic.jordan.id,
      providerId: clinic.patel.id,
      locationId: clinic.north.id,
      visitTypeId: clinic.followUp.id,
      startsAt: '2026-12-05T15:00:00.000Z',
      endsAt: '2026-12-05T15:30:00.000Z',
    });
    answerHours(['nurse'], clinic, { conflicts: () => [conflict(clinic, saturday)] });
    renderApp({ path: `/schedule/providers/${clinic.patel.id}/availability` });

    const panel = await screen.findByRole('region', {
      name: 'Booked appointments outside the hours',
    });
    const link = await within(panel).findByRole('link', {
      name: /Sat, Dec 5, 2026, 10:00\s*AM\s*EST, Jordan Lee/,
    });
    expect(link).toHaveAttribute('href', `/patients/${clinic.jordan.id}/appointments`);
  });

  it('shows nurses the hours without anything to change them', async () => {
    const clinic = clinicFixture();
    answerHours(['nurse'], clinic);
    renderApp({ path: `/schedule/providers/${clinic.patel.id}/availability` });

    const table = await screen.findByRole('table', {
      name: 'Weekly hours, one row per block of time',
    });
    expect(within(table).getByRole('rowheader', { name: 'Monday' })).toBeInTheDocument();
    expect(table).toHaveTextContent('09:00–17:00');
    expect(screen.queryByRole('form', { name: 'Weekly hours' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save weekly hours' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add hours' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Add time off or extra hours' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
