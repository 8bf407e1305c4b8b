import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { fileResponse, mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import {
  appointmentProblems,
  atFrozenClock,
  harbor,
  PATIENT_ID,
  serveVisit,
  signIn,
  visitOf,
} from '../test-fixtures';

const CALENDAR = '/api/v1/patients/{patientId}/appointments/{appointmentId}/calendar.ics';

function visit(overrides: Parameters<typeof visitOf>[0] = {}, cutoffHours?: number) {
  return visitOf(
    {
      startsAt: '2026-12-01T14:30:00.000Z',
      reason: 'Pain in my left knee when I climb stairs.',
      ...overrides,
    },
    cutoffHours,
  );
}

/** Signs in and answers the visit's record. */
function useVisit(appointment: ReturnType<typeof visit>) {
  signIn();
  return serveVisit(appointment);
}

atFrozenClock();

describe('appointment details', () => {
  it('shows when, who, where with address, phone and map, and the private reason', async () => {
    const appointment = visit();
    const calls = useVisit(appointment);
    renderApp({ path: `/appointments/${appointment.id}` });

    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Tuesday, December 1, 2026 at 9:30 AM EST',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Your appointment' })).toBeVisible();
    expect(calls.map((call) => call.params)).toEqual([
      { patientId: PATIENT_ID, appointmentId: appointment.id },
    ]);
    // No health details in the tab title.
    expect(document.title).toBe('Appointment – Patient Portal');

    const visitCard = screen.getByRole('region', {
      name: 'Tuesday, December 1, 2026 at 9:30 AM EST',
    });
    expect(visitCard).toHaveTextContent('StatusBooked');
    expect(visitCard).toHaveTextContent('WithDr. Priya Shah, Family medicine');
    expect(visitCard).toHaveTextContent('VisitCheck-up');
    expect(visitCard).toHaveTextContent('Length30 minutes');
    expect(visitCard).toHaveTextContent(
      'Your reason for the visitOnly you and your care team can see this.Pain in my left knee when I climb stairs.',
    );

    const where = screen.getByRole('region', { name: 'Where to go' });
    expect(where).toHaveTextContent('Harbor Clinic');
    const address = within(where).getByRole('group');
    expect(address.tagName).toBe('ADDRESS');
    expect(address).toHaveTextContent('25 Water StreetFloor 3New York, NY 10004United States');
    const map = within(where).getByRole('link', {
      name: 'Map and directions (opens in a new tab)',
    });
    expect(map).toHaveAttribute('href', harbor.mapUrl);
    expect(map).toHaveAttribute('target', '_blank');
    expect(map).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(where).getByRole('link', { name: '+1 555 010 3000' })).toHaveAttribute(
      'href',
      'tel:+15550103000',
    );
    expect(where).toHaveTextContent('When you arriveUse the side door on Pearl Street.');

    const actions = screen.getByRole('region', { name: 'Change or keep track' });
    expect(actions).toHaveTextContent(
      'You can reschedule or cancel online until Monday, November 30, 2026 at 9:30 AM EST.',
    );
    expect(within(actions).getByRole('button', { name: 'Add to calendar' })).toBeInTheDocument();
    expect(within(actions).getByRole('link', { name: 'Reschedule' })).toHaveAttribute(
      'href',
      `/appointments/${appointment.id}/reschedule`,
    );
    expect(within(actions).getByRole('link', { name: 'Cancel appointment' })).toHaveAttribute(
      'href',
      `/appointments/${appointment.id}/cancel`,
    );
    expect(screen.queryByText(/can’t be changed online/)).not.toBeInTheDocument();
  });

  it('inside the cutoff, hides reschedule and cancel and says whom to call', async () => {
    // Tomorrow at 8:30 New York time: 23½ hours ahead.
    const appointment = visit({ startsAt: '2026-11-28T13:30:00.000Z', reason: null });
    useVisit(appointment);
    renderApp({ path: `/appointments/${appointment.id}` });

    const notice = await screen.findByText(/It is less than 24 hours before your visit/);
    expect(notice).toHaveTextContent(
      'It is less than 24 hours before your visit, so it can’t be changed online. Please call Harbor Clinic at +1 555 010 3000.',
    );
    expect(within(notice).getByRole('link', { name: '+1 555 010 3000' })).toHaveAttribute(
      'href',
      'tel:+15550103000',
    );
    expect(screen.queryByRole('link', { name: 'Reschedule' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Cancel appointment' })).not.toBeInTheDocument();
    expect(screen.queryByText(/You can reschedule or cancel online until/)).not.toBeInTheDocument();
    // Still worth adding to a calendar.
    expect(screen.getByRole('button', { name: 'Add to calendar' })).toBeInTheDocument();
    expect(screen.getByText('You did not give a reason.')).toBeInTheDocument();
  });

  it('takes the hours of the cutoff from the API, not a fixed number', async () => {
    const appointment = visit({ startsAt: '2026-11-29T14:30:00.000Z' }, 72);
    useVisit(appointment);
    renderApp({ path: `/appointments/${appointment.id}` });

    expect(
      await screen.findByText(/It is less than 72 hours before your visit/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Reschedule' })).not.toBeInTheDocument();
  });

  it('says a cancelled visit is cancelled, with no changes offered', async () => {
    const appointment = visit({
      status: 'cancelled',
      cancelledAt: '2026-11-26T18:00:00.000Z',
      cancelReason: 'I booked it by mistake',
    });
    useVisit(appointment);
    renderApp({ path: `/appointments/${appointment.id}` });

    const visitCard = await screen.findByRole('region', {
      name: 'Tuesday, December 1, 2026 at 9:30 AM EST',
    });
    expect(visitCard).toHaveTextContent('StatusCancelled');
    expect(visitCard).toHaveTextContent('Cancelled onThursday, November 26, 2026 at 1:00 PM EST');
    expect(visitCard).toHaveTextContent('Why it was cancelledI booked it by mistake');
    expect(screen.queryByRole('region', { name: 'Change or keep track' })).not.toBeInTheDocument();
    expect(screen.queryByText(/can’t be changed online/)).not.toBeInTheDocument();
  });

  it('downloads the calendar file from the API', async () => {
    const appointment = visit();
    useVisit(appointment);
    const downloads = mockApi(
      'get',
      CALENDAR,
      fileResponse(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261201T143000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        'text/calendar; charset=utf-8',
        'appointment.ics',
      ),
    );
    const saved: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:appointment';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = renderApp({ path: `/appointments/${appointment.id}` });

    await user.click(await screen.findByRole('button', { name: 'Add to calendar' }));

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('appointment.ics');
    expect(link.href).toBe('blob:appointment');
    expect(downloads.map((call) => call.params)).toEqual([
      { patientId: PATIENT_ID, appointmentId: appointment.id },
    ]);
    const text = await (saved[0] as Blob).text();
    expect(text).toContain('DTSTART:20261201T143000Z');
    expect(text).not.toContain('knee');
    click.mockRestore();
  });

  it('says so in words when the calendar file cannot be fetched', async () => {
    const appointment = visit();
    useVisit(appointment);
    mockApi('get', CALENDAR, HttpResponse.error());
    const { user } = renderApp({ path: `/appointments/${appointment.id}` });

    await user.click(await screen.findByRole('button', { name: 'Add to calendar' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not get the calendar file.',
    );
  });

  it('says when the appointment cannot be found', async () => {
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/appointments/{appointmentId}',
      problem(appointmentProblems.appointmentNotFound()),
    );
    renderApp({ path: '/appointments/0190b5d2-7c4e-7000-8000-00000000dead' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'We could not find this appointment' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to your appointments' })).toHaveAttribute(
      'href',
      '/appointments',
    );
  });
});
