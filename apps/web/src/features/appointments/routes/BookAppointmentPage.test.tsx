import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { pageOf } from '../../../testing/factories';
import { mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import type { Appointment } from '../api';
import {
  appointmentProblems,
  checkUp,
  atFrozenClock,
  haddad,
  harbor,
  newPatient,
  north,
  openSlotsFor,
  openTimes,
  PATIENT_ID,
  serveClinic,
  shah,
  slotOf,
  visitOf,
} from '../test-fixtures';

const BOOK = '/api/v1/patients/{patientId}/appointments';

/** Signs in, answers the clinic, and books whatever time is asked for. */
function useClinic() {
  const clinic = serveClinic();
  const booked: Appointment[] = [];
  const bookings = mockApi(
    'post',
    BOOK,
    ({ body }) => {
      const { startsAt, reason } = body as { startsAt: string; reason?: string };
      booked.push(visitOf({ startsAt, reason: reason ?? null }));
      return booked.at(-1)!;
    },
    { status: 201 },
  );
  return { ...clinic, bookings, booked };
}

const REASON = 'Pain in my left knee\nwhen I climb stairs.';
const NINE_THIRTY = 'Tuesday, December 1, 2026, 9:30 AM EST with Dr. Priya Shah at Harbor Clinic';
const TEN = 'Tuesday, December 1, 2026, 10:00 AM EST with Dr. Priya Shah at Harbor Clinic';
const CHICAGO = 'Wednesday, December 2, 2026, 9:00 AM CST with Dr. Omar Haddad at North Clinic';

atFrozenClock();

async function chooseVisitType(user: UserEvent, name: RegExp) {
  await user.click(await screen.findByRole('radio', { name }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  return screen.findByRole('heading', { level: 1, name: 'Step 2 of 3: Choose a time' });
}

async function chooseDay(user: UserEvent, name: string) {
  await user.click(screen.getByRole('radio', { name }));
}

async function chooseTime(user: UserEvent, name: string) {
  await user.click(await screen.findByRole('link', { name }));
  return screen.findByRole('heading', { level: 1, name: 'Step 3 of 3: Check and book' });
}

describe('finding a time and booking', () => {
  it('goes from the kind of visit to a booked appointment, confirmed in words', async () => {
    const backend = useClinic();
    const { user, router } = renderApp({ path: '/appointments/new' });

    // Step 1: only the kinds of visit the API lists.
    const step1 = await screen.findByRole('heading', {
      level: 1,
      name: 'Step 1 of 3: Choose the kind of visit',
    });
    expect(document.title).toBe('Find a time – Patient Portal');
    expect(step1).toBeInTheDocument();
    const choices = await screen.findAllByRole('radio');
    expect(choices.map((choice) => choice.getAttribute('value'))).toEqual([
      checkUp.id,
      newPatient.id,
    ]);
    expect(
      screen.getByRole('radio', { name: 'Check-up (30 minutes)' }),
    ).toHaveAccessibleDescription('A routine visit with your doctor.');

    // Step 2: open times grouped by day, written out in each location's zone.
    const step2 = await chooseVisitType(user, /^Check-up/);
    await waitFor(() => expect(step2).toHaveFocus());
    expect(router.state.location.search).toBe(`?visitTypeId=${checkUp.id}`);
    expect(screen.getByRole('combobox', { name: 'Provider' })).toHaveDisplayValue('Any provider');
    expect(screen.getByLabelText('Show times from')).toHaveValue('2026-11-27');
    // One day at a time: the days as one radio group, the first day with times chosen.
    const days = await screen.findByRole('group', { name: 'Choose a day' });
    const dayChoices = within(days).getAllByRole('radio');
    expect(dayChoices.map((day) => day.closest('div')?.textContent)).toEqual([
      'Fri, Nov 27No times',
      'Sat, Nov 28No times',
      'Sun, Nov 29No times',
      'Mon, Nov 30No times',
      'Tue, Dec 12 times',
      'Wed, Dec 21 time',
      'Thu, Dec 3No times',
      'Fri, Dec 4No times',
      'Sat, Dec 5No times',
      'Sun, Dec 6No times',
      'Mon, Dec 7No times',
      'Tue, Dec 8No times',
      'Wed, Dec 9No times',
      'Thu, Dec 10No times',
    ]);
    expect(within(days).getByRole('radio', { name: 'Tue, Dec 1 2 times' })).toBeChecked();
    expect(within(days).getByRole('radio', { name: 'Fri, Nov 27 No times' })).toBeDisabled();
    // The day's times by location, the location's zone named.
    const tuesday = screen.getByRole('region', {
      name: 'Harbor Clinic, Tuesday, December 1, 2026 (Eastern Time)',
    });
    const times = within(tuesday).getAllByRole('link');
    expect(times.map((link) => link.textContent)).toEqual([
      'Tuesday, December 1, 2026, 9:30 AM EST with Dr. Priya Shah at Harbor Clinic',
      'Tuesday, December 1, 2026, 10:00 AM EST with Dr. Priya Shah at Harbor Clinic',
    ]);
    expect(times[0]).toHaveAccessibleName(NINE_THIRTY);
    expect(screen.queryByRole('link', { name: CHICAGO })).not.toBeInTheDocument();
    await chooseDay(user, 'Wed, Dec 2 1 time');
    const wednesday = screen.getByRole('region', {
      name: 'North Clinic, Wednesday, December 2, 2026 (Central Time)',
    });
    expect(within(wednesday).getByRole('link', { name: CHICAGO })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: NINE_THIRTY })).not.toBeInTheDocument();
    await chooseDay(user, 'Tue, Dec 1 2 times');
    expect(
      screen.getByText(
        'From Friday, November 27, 2026 to Thursday, December 10, 2026. Times are shown in the clinic’s local time.',
      ),
    ).toBeInTheDocument();
    expect(backend.slots.map((call) => call.query)).toEqual([
      {
        visitTypeId: checkUp.id,
        from: '2026-11-27T00:00:00.000Z',
        to: '2026-12-11T00:00:00.000Z',
        limit: '200',
      },
    ]);

    // Step 3: review, with an optional reason that stays out of the address.
    await chooseTime(user, NINE_THIRTY);
    const review = screen.getByRole('main');
    expect(review).toHaveTextContent('WhenTuesday, December 1, 2026 at 9:30 AM EST');
    expect(review).toHaveTextContent('VisitCheck-up (30 minutes)');
    expect(review).toHaveTextContent('WithDr. Priya Shah, Family medicine');
    expect(review).toHaveTextContent('WhereHarbor Clinic25 Water StreetFloor 3New York, NY 10004');
    const reason = screen.getByRole('textbox', { name: 'Reason for the visit (optional)' });
    await user.type(reason, REASON);
    expect(screen.getByText(`${REASON.length} of 1,000 characters`)).toBeInTheDocument();
    expect(JSON.stringify(router.state.location)).not.toContain('knee');

    await user.click(screen.getByRole('button', { name: 'Book this time' }));

    const confirmation = await screen.findByText(
      'Your appointment on Tuesday, December 1, 2026 at 9:30 AM EST is booked.',
    );
    await waitFor(() => expect(confirmation.closest('.confirmation')).toHaveFocus());
    expect(screen.getByText('Your appointment is booked')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Changed your mind? You can reschedule or cancel it below until Monday, November 30, 2026 at 9:30 AM EST.',
      ),
    ).toBeInTheDocument();
    expect(backend.bookings.map(({ params, body }) => ({ params, body }))).toEqual([
      {
        params: { patientId: PATIENT_ID },
        body: {
          visitTypeId: checkUp.id,
          providerId: shah.id,
          locationId: harbor.id,
          startsAt: '2026-12-01T14:30:00.000Z',
          reason: REASON,
        },
      },
    ]);
    expect(router.state.location.pathname).toBe(`/appointments/${backend.booked[0]?.id}`);
    // The reason is on the page for the patient, never in the address or history state.
    expect(screen.getByText(/Pain in my left knee/)).toBeInTheDocument();
    expect(JSON.stringify(router.state.location)).not.toContain('knee');
    expect(document.title).toBe('Appointment – Patient Portal');
  });

  it('keeps the choices in the address, so Back returns to the previous step', async () => {
    const backend = useClinic();
    const { user, router } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Location' }),
      screen.getByRole('option', { name: 'Harbor Clinic' }),
    );
    await user.click(screen.getByRole('button', { name: 'Show times' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?visitTypeId=${checkUp.id}&locationId=${harbor.id}`,
      ),
    );
    // "Today" starts at midnight in the location's zone, New York here.
    await waitFor(() =>
      expect(backend.slots.at(-1)?.query).toEqual({
        visitTypeId: checkUp.id,
        locationId: harbor.id,
        from: '2026-11-27T05:00:00.000Z',
        to: '2026-12-11T05:00:00.000Z',
        limit: '200',
      }),
    );
    expect(await screen.findByRole('link', { name: NINE_THIRTY })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: CHICAGO })).not.toBeInTheDocument();

    await chooseTime(user, TEN);
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Knee pain');
    expect(router.state.location.search).toContain('startsAt=2026-12-01T15%3A00%3A00.000Z');
    expect(router.state.location.search).not.toMatch(/reason|Knee/i);

    await act(() => router.navigate(-1));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Step 2 of 3: Choose a time' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Location' })).toHaveDisplayValue('Harbor Clinic');
    expect(await screen.findByRole('link', { name: TEN })).toBeInTheDocument();
  });

  it('narrows the times to one provider', async () => {
    const backend = useClinic();
    const { user } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);
    await screen.findByRole('link', { name: NINE_THIRTY });

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Provider' }),
      screen.getByRole('option', { name: 'Dr. Omar Haddad, Internal medicine' }),
    );
    // Only the locations where this provider works are offered.
    const locations = within(screen.getByRole('combobox', { name: 'Location' }));
    expect(locations.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Any location',
      'North Clinic',
    ]);
    await user.click(screen.getByRole('button', { name: 'Show times' }));

    await waitFor(() =>
      expect(screen.queryByRole('link', { name: NINE_THIRTY })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: CHICAGO })).toBeInTheDocument();
    expect(backend.slots.at(-1)?.query.providerId).toBe(haddad.id);
  });

  it('says when a time was just taken, and shows the open times again', async () => {
    const backend = useClinic();
    const { user, router } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);
    await chooseTime(user, NINE_THIRTY);
    await user.type(screen.getByRole('textbox', { name: /Reason/ }), 'Knee pain');
    // Someone else books 9:30 while the patient reads the review: the API refuses it, and
    // no longer offers it.
    const bookings = mockApi('post', BOOK, problem(appointmentProblems.slotTaken()));
    const slotsAfter = mockApi('get', '/api/v1/slots', (call) =>
      pageOf(openSlotsFor(call, openTimes.slice(1))),
    );

    await user.click(screen.getByRole('button', { name: 'Book this time' }));

    const message = await screen.findByText('That time was just taken. Choose another time.');
    await waitFor(() => expect(message.closest('.confirmation')).toHaveFocus());
    expect(
      screen.getByRole('heading', { level: 1, name: 'Step 2 of 3: Choose a time' }),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe(`?visitTypeId=${checkUp.id}`);
    await waitFor(() => expect(slotsAfter.length).toBeGreaterThan(0));
    expect(await screen.findByRole('link', { name: TEN })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: NINE_THIRTY })).not.toBeInTheDocument();
    expect(bookings).toHaveLength(1);
    expect(backend.bookings).toHaveLength(0);

    // The reason typed before is still there for the next time chosen.
    await chooseTime(user, TEN);
    expect(screen.getByRole('textbox', { name: /Reason/ })).toHaveValue('Knee pain');
    expect(
      screen.queryByText('That time was just taken. Choose another time.'),
    ).not.toBeInTheDocument();
  });

  it('shows what the API refused in an error summary linked to what to change', async () => {
    const backend = useClinic();
    // This patient has been seen before: the API refuses a visit for new patients.
    const refused = mockApi('post', BOOK, problem(appointmentProblems.newPatientsOnly()));
    const { user } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^New patient visit/);
    await chooseTime(user, NINE_THIRTY);

    await user.click(screen.getByRole('button', { name: 'Book this time' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('There is a problem');
    await waitFor(() => expect(summary).toHaveFocus());
    const link = within(summary).getByRole('link', {
      name: 'You have been seen here before, so choose a kind of visit for returning patients, or call the clinic.',
    });
    await user.click(link);
    expect(screen.getByRole('link', { name: 'Change the kind of visit' })).toHaveFocus();
    expect(refused.map((call) => (call.body as { visitTypeId: string }).visitTypeId)).toEqual([
      newPatient.id,
    ]);
    expect(backend.bookings).toHaveLength(0);
  });

  it('refuses a reason that is too long before sending, linked to the field', async () => {
    const backend = useClinic();
    const { user } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);
    await chooseTime(user, NINE_THIRTY);
    const reason = screen.getByRole('textbox', { name: /Reason/ });
    await user.click(reason);
    await user.paste('a'.repeat(1001));
    expect(screen.getByText('1,001 of 1,000 characters')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Book this time' }));

    const message = 'Keep the reason to 1000 characters or fewer. It is 1001 characters now.';
    const summary = await screen.findByRole('alert');
    await user.click(within(summary).getByRole('link', { name: message }));
    expect(reason).toHaveFocus();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(backend.bookings).toHaveLength(0);
  });

  it('asks for a kind of visit before going on', async () => {
    useClinic();
    const { user, router } = renderApp({ path: '/appointments/new' });
    await screen.findAllByRole('radio');

    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const summary = await screen.findByRole('alert');
    await user.click(
      within(summary).getByRole('link', { name: 'Choose the kind of visit you need.' }),
    );
    expect(screen.getByRole('radio', { name: /^Check-up/ })).toHaveFocus();
    expect(router.state.location.search).toBe('');
  });

  it('keeps a first day typed while the locations are still loading', async () => {
    const backend = useClinic();
    // Hold the locations back until the day is typed: their arrival must not reset the form.
    let releaseLocations = () => {};
    const locationsHeld = new Promise<void>((resolve) => (releaseLocations = resolve));
    mockApi('get', '/api/v1/locations', async () => {
      await locationsHeld;
      return pageOf([harbor, north]);
    });
    const { user, router } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);
    const from = screen.getByLabelText('Show times from');
    expect(from).toHaveValue('');

    await user.type(from, '2026-12-11');
    act(() => releaseLocations());
    // The times from today arrive; the typed day is still in the field, not yet sent.
    await screen.findByRole('link', { name: NINE_THIRTY });
    expect(from).toHaveValue('2026-12-11');
    await user.click(screen.getByRole('button', { name: 'Show times' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe(`?visitTypeId=${checkUp.id}&from=2026-12-11`),
    );
    expect(await screen.findByText('There are no open times in these 2 weeks.')).toBeVisible();
    expect(backend.slots.at(-1)?.query.from).toBe('2026-12-11T00:00:00.000Z');
  });

  it('looks at later times when asked, from the day after the last one shown', async () => {
    const backend = useClinic();
    const { user, router } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);
    await screen.findByRole('link', { name: NINE_THIRTY });

    await user.click(screen.getByRole('button', { name: 'Show later times' }));

    expect(await screen.findByText('There are no open times in these 2 weeks.')).toBeVisible();
    expect(router.state.location.search).toBe(`?visitTypeId=${checkUp.id}&from=2026-12-11`);
    expect(backend.slots.at(-1)?.query.from).toBe('2026-12-11T00:00:00.000Z');
    await user.click(screen.getByRole('button', { name: 'Show the 2 weeks before' }));
    expect(await screen.findByRole('link', { name: NINE_THIRTY })).toBeInTheDocument();
  });

  it('shows whole days only when the answer stops at its limit, and goes on from the day cut', async () => {
    serveClinic();
    // 120 times on Tuesday and 80 on Wednesday: the API's 200 end somewhere in Wednesday.
    const every5 = (first: string, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        providerId: shah.id,
        locationId: harbor.id,
        startsAt: new Date(Date.parse(first) + index * 5 * 60_000).toISOString(),
      }));
    const full = [
      ...every5('2026-12-01T13:00:00.000Z', 120),
      ...every5('2026-12-02T13:00:00.000Z', 80),
    ].map((time) => slotOf(time));
    const slots = mockApi('get', '/api/v1/slots', ({ query }) =>
      pageOf(query.from === '2026-11-27T00:00:00.000Z' ? full : []),
    );
    const { user, router } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);

    // The header says what is shown: up to Tuesday, the last whole day.
    expect(
      await screen.findByText(
        'From Friday, November 27, 2026 to Tuesday, December 1, 2026. Times are shown in the clinic’s local time.',
      ),
    ).toBeInTheDocument();
    const days = screen.getByRole('group', { name: 'Choose a day' });
    expect(within(days).getAllByRole('radio')).toHaveLength(5);
    expect(within(days).getByRole('radio', { name: 'Tue, Dec 1 120 times' })).toBeChecked();
    expect(within(days).queryByRole('radio', { name: /Dec 2/ })).not.toBeInTheDocument();

    // Later times start on Wednesday, where the list stopped, not two weeks on.
    await user.click(screen.getByRole('button', { name: 'Show later times' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe(`?visitTypeId=${checkUp.id}&from=2026-12-02`),
    );
    await waitFor(() => expect(slots.at(-1)?.query.from).toBe('2026-12-02T00:00:00.000Z'));
  });

  it('says before booking that a time inside the cutoff can’t be changed online, and whom to call', async () => {
    // Today at 3 PM in New York: bookable, but less than 24 hours away.
    serveClinic({
      times: [
        { providerId: shah.id, locationId: harbor.id, startsAt: '2026-11-27T20:00:00.000Z' },
        ...openTimes,
      ],
    });
    const { user } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);

    const today = await screen.findByRole('region', {
      name: 'Harbor Clinic, Friday, November 27, 2026 (Eastern Time)',
    });
    expect(screen.getByRole('radio', { name: 'Fri, Nov 27 1 time' })).toBeChecked();
    const late = within(today).getByRole('link', {
      name: 'Friday, November 27, 2026, 3:00 PM EST with Dr. Priya Shah at Harbor Clinic, Can’t change online',
    });
    expect(today).toHaveTextContent(
      'Times marked “Can’t change online” are less than 24 hours away. You can book them, but you can’t change or cancel them online afterwards. To change or cancel one, call Harbor Clinic at +1 555 010 3000.',
    );
    expect(within(today).getByRole('link', { name: '+1 555 010 3000' })).toHaveAttribute(
      'href',
      'tel:+15550103000',
    );

    await user.click(late);
    await screen.findByRole('heading', { level: 1, name: 'Step 3 of 3: Check and book' });
    const warning = screen.getByRole('status', {
      name: 'This time can’t be changed or cancelled online',
    });
    expect(warning).toHaveTextContent(
      'It is less than 24 hours away. Once it is booked, you can’t change or cancel it online. To change or cancel it, call Harbor Clinic at +1 555 010 3000.',
    );
  });

  it('says nothing of the cutoff for a time that can be changed online', async () => {
    useClinic();
    const { user } = renderApp({ path: '/appointments/new' });
    await chooseVisitType(user, /^Check-up/);
    const link = await screen.findByRole('link', { name: NINE_THIRTY });
    expect(screen.queryByText(/Can’t change online/)).not.toBeInTheDocument();
    await user.click(link);
    await screen.findByRole('heading', { level: 1, name: 'Step 3 of 3: Check and book' });
    expect(screen.queryByText(/can’t be changed or cancelled online/)).not.toBeInTheDocument();
  });
});
