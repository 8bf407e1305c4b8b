import {
  createAuthBackend,
  locationFactory,
  refillRequestFactory,
  sessionFactory,
} from '@portal/api-mocks';
import { screen, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import {
  appointmentViewFactory,
  emptyHealthSummary,
  pageOf,
  resultReportFactory,
  resultSummaryOf,
} from '../../../testing/factories';
import { mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

const PATIENT_ID = '0190b5d2-7c4e-7000-8000-0000000a0e01';
const DAY = 86_400_000;

const harbor = locationFactory({ name: 'Harbor Clinic', timeZone: 'America/New_York' });

function signedIn() {
  const session = sessionFactory({ user: { patientId: PATIENT_ID, displayName: 'Ana Silva' } });
  server.use(...createAuthBackend({ session }).handlers);
}

/** A whole-hour start some days ahead, so the test never depends on today's date. */
function daysAhead(days: number): string {
  return new Date(Math.ceil((Date.now() + days * DAY) / 3_600_000) * 3_600_000).toISOString();
}

function writtenOut(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

describe('home page', () => {
  it('shows the next appointment in the location’s time zone, with a link to it', async () => {
    signedIn();
    const soonest = appointmentViewFactory(
      { patientId: PATIENT_ID, startsAt: daysAhead(3) },
      { location: harbor },
    );
    const calls = mockApi('get', '/api/v1/patients/{patientId}/appointments', pageOf([soonest]));
    mockApi('get', '/api/v1/patients/{patientId}/appointments/{appointmentId}', soonest);
    const { user, router } = renderApp({ path: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Hello, Ana Silva' }),
    ).toBeInTheDocument();
    const card = await screen.findByRole('region', { name: 'Next appointment' });
    const when = await within(card).findByText(writtenOut(soonest.startsAt, 'America/New_York'));
    expect(when.tagName).toBe('TIME');
    expect(card).toHaveTextContent(`With${soonest.provider.displayName}`);
    expect(card).toHaveTextContent('WhereHarbor Clinic');
    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);
    expect(calls.map((call) => call.query)).toEqual([{ when: 'upcoming', limit: '1' }]);
    // What Home already showed is still there.
    expect(screen.getByRole('heading', { name: 'Keep your information safe' })).toBeVisible();

    await user.click(within(card).getByRole('link', { name: 'See the details' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your appointment' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/appointments/${soonest.id}`);
  });

  it('says there are no upcoming visits and links to finding a time', async () => {
    signedIn();
    renderApp({ path: '/' });

    const card = await screen.findByRole('region', { name: 'Next appointment' });
    expect(await within(card).findByText(/No upcoming visits\./)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Find a time' })).toHaveAttribute(
      'href',
      '/appointments/new',
    );
  });

  it('says so when the next appointment cannot be loaded, and keeps the rest of the page', async () => {
    signedIn();
    mockApi('get', '/api/v1/patients/{patientId}/appointments', HttpResponse.error());
    renderApp({ path: '/' });

    const card = await screen.findByRole('region', { name: 'Next appointment' });
    expect(
      await within(card).findByText(/We could not load your next appointment/),
    ).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'All your appointments' })).toHaveAttribute(
      'href',
      '/appointments',
    );
    expect(screen.getByRole('heading', { name: 'Keep your information safe' })).toBeVisible();
  });

  it('points to new test results, without naming them, and keeps the next appointment', async () => {
    signedIn();
    const results = [
      resultReportFactory({ title: 'Hemoglobin A1c', isNew: true }),
      resultReportFactory({ title: 'Lipid panel', isNew: true }),
      resultReportFactory({ title: 'Old panel' }),
    ].map(resultSummaryOf);
    const summaries = mockApi('get', '/api/v1/patients/{patientId}/health-summary', {
      ...emptyHealthSummary(PATIENT_ID),
      recentResults: results,
      newResultsCount: 2,
    });
    mockApi('get', '/api/v1/patients/{patientId}/results', pageOf(results));
    const { user, router } = renderApp({ path: '/' });

    const card = await screen.findByRole('region', { name: 'New test results' });
    expect(await within(card).findByText('You have 2 new test results.')).toBeVisible();
    expect(card).not.toHaveTextContent(/A1c|Lipid/);
    expect(screen.getByRole('region', { name: 'Next appointment' })).toBeInTheDocument();
    expect(summaries).toHaveLength(1);

    await user.click(within(card).getByRole('link', { name: 'See your test results' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Test results' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/results');
  });

  it('says nothing is new, in a card of the same shape, with the same link', async () => {
    signedIn();
    mockApi('get', '/api/v1/patients/{patientId}/health-summary', {
      ...emptyHealthSummary(PATIENT_ID),
      recentResults: [resultSummaryOf(resultReportFactory({ isNew: false }))],
      newResultsCount: 0,
    });
    renderApp({ path: '/' });

    const card = await screen.findByRole('region', { name: 'New test results' });
    expect(await within(card).findByText('Nothing new since you last looked.')).toBeVisible();
    expect(within(card).getByRole('link', { name: 'See your test results' })).toHaveAttribute(
      'href',
      '/results',
    );
  });

  it('holds each card’s lines while loading, so the page does not move when they arrive', async () => {
    signedIn();
    renderApp({ path: '/' });

    const next = await screen.findByRole('region', { name: 'Next appointment' });
    const loading = within(next).getByRole('status');
    expect(loading).toHaveTextContent('Loading your next appointment');
    // The loaded card's rows: a time line, two labelled facts and two links.
    expect(loading.querySelectorAll('p, dt, dd, li')).toHaveLength(7);
    const results = screen.getByRole('region', { name: 'New test results' });
    expect(within(results).getByRole('status')).toHaveTextContent('Checking for new test results');
    expect(within(results).getByRole('link', { name: 'See your test results' })).toBeVisible();

    expect(await within(next).findByText(/No upcoming visits\./)).toBeInTheDocument();
  });

  it('counts refill requests waiting and answered lately, without naming the medicines', async () => {
    signedIn();
    const now = Date.now();
    mockApi('get', '/api/v1/patients/{patientId}/refill-requests', {
      items: [
        refillRequestFactory({ status: 'in_review', medicationName: 'Metformin 500 mg' }),
        refillRequestFactory({
          status: 'approved',
          decidedAt: new Date(now - 2 * DAY).toISOString(),
        }),
        refillRequestFactory({
          status: 'denied',
          decidedAt: new Date(now - 3 * DAY).toISOString(),
        }),
        refillRequestFactory({
          status: 'approved',
          decidedAt: new Date(now - 30 * DAY).toISOString(),
        }),
      ],
      nextCursor: null,
    });
    renderApp({ path: '/' });

    const card = await screen.findByRole('region', { name: 'Prescription refills' });
    expect(
      await within(card).findByText(
        '2 refill requests were answered in the last 2 weeks. 1 refill request is waiting for your care team.',
      ),
    ).toBeVisible();
    expect(card).not.toHaveTextContent(/Metformin|lisinopril/i);
    expect(
      within(card).getByRole('link', { name: 'See your medications and refills' }),
    ).toHaveAttribute('href', '/medications');
  });
});
