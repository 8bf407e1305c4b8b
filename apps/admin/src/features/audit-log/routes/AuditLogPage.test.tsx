import { nextId } from '@portal/api-mocks';
import { act, screen, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import { auditEventFactory, type AuditEvent } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

const PATIENT_ID = '0190b5d2-7c4e-7000-8000-0000000000f1';
const NICO = {
  accountId: nextId(),
  displayName: 'Nico Navarro, RN',
  kind: 'staff' as const,
  roles: ['nurse' as const],
};

/** 60 events a minute apart, newest at 2026-03-02 15:59 UTC. */
function events() {
  return Array.from({ length: 60 }, (_, index) =>
    auditEventFactory({
      occurredAt: new Date(Date.UTC(2026, 2, 2, 15, 59 - index)).toISOString(),
      action: index % 2 === 0 ? 'patient.read' : 'auth.login',
      actor: index === 0 ? null : NICO,
      patientId: index % 2 === 0 ? PATIENT_ID : null,
      resourceType: index % 2 === 0 ? 'patient' : 'account',
      resourceId: index % 2 === 0 ? PATIENT_ID : null,
      outcome: index === 1 ? 'denied' : 'success',
      ip: `203.0.113.${index}`,
    }),
  );
}

/** The first page the API answers with for a list: 50 events, and a cursor when more follow. */
function firstPage(list: AuditEvent[]) {
  return page(list.slice(0, 50), list.length > 50 ? list[49]!.id : null);
}

/** Signs an administrator in; the API answers the unfiltered log, unless `reply` says more. */
function serveLog(
  reply?: (query: URLSearchParams) => ReturnType<typeof page<AuditEvent>> | undefined,
) {
  signInStaff(['admin']);
  const all = events();
  return answer('listAuditEvents', ({ query }) => reply?.(query) ?? firstPage(all));
}

function bodyRows() {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

describe('audit log', () => {
  it('lists events newest first with who, what, patient, outcome, IP and time', async () => {
    serveLog();
    renderApp({ path: '/audit-log' });

    await screen.findByRole('table', { name: 'Audit events, newest first, page 1' });
    const rows = bodyRows();
    expect(rows).toHaveLength(50);
    const [first, second] = rows;
    expect(first).toHaveTextContent('Nobody signed in');
    expect(first).toHaveTextContent('patient.read');
    expect(
      within(first as HTMLElement).getByRole('link', { name: /Patient record/ }),
    ).toHaveAttribute('href', `/patients/${PATIENT_ID}`);
    expect(first).toHaveTextContent('203.0.113.0');
    const time = (first as HTMLElement).querySelector('time');
    expect(time).toHaveAttribute('datetime', '2026-03-02T15:59:00.000Z');
    expect(time).toHaveAttribute('title', '2026-03-02 15:59:00 UTC');
    expect(second).toHaveTextContent('Nico Navarro, RN');
    expect(second).toHaveTextContent('Nurse');
    expect(second).toHaveTextContent('Denied');
    expect(document.title).toBe('Audit log – Staff Portal');
  });

  it('puts the filters in the address and sends them to the API', async () => {
    const calls = serveLog((query) =>
      query.has('action')
        ? page([auditEventFactory({ outcome: 'denied', actor: NICO })])
        : undefined,
    );
    const { user, router } = renderApp({ path: '/audit-log' });

    await screen.findByRole('table');
    const form = screen.getByRole('form', { name: 'Filter the audit log' });
    await user.type(within(form).getByLabelText('Action'), 'auth.');
    await user.selectOptions(within(form).getByLabelText('Outcome'), 'Denied');
    await user.type(within(form).getByLabelText('Account id of who acted'), NICO.accountId);
    await user.type(within(form).getByLabelText('From'), '2026-03-01');
    await user.type(within(form).getByLabelText('To'), '2026-03-02');
    await user.click(within(form).getByRole('button', { name: 'Apply filters' }));

    await screen.findByRole('table', { name: 'Filtered audit events, newest first, page 1' });
    const search = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(search)).toEqual({
      action: 'auth.',
      outcome: 'denied',
      actorAccountId: NICO.accountId,
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(bodyRows()).toHaveLength(1);
    const sent = calls.at(-1)?.query;
    expect(sent?.get('action')).toBe('auth.');
    expect(sent?.get('outcome')).toBe('denied');
    expect(sent?.get('actorAccountId')).toBe(NICO.accountId);
    // Whole local days: from the start of the first to the start of the day after the last.
    expect(sent?.get('from')).toBe(new Date(2026, 2, 1).toISOString());
    expect(sent?.get('to')).toBe(new Date(2026, 2, 3).toISOString());
  });

  it('opens with the filters in the address, and clears them', async () => {
    const calls = serveLog((query) =>
      query.has('patientId')
        ? firstPage(events().filter((event) => event.patientId === PATIENT_ID))
        : undefined,
    );
    const { user, router } = renderApp({ path: `/audit-log?patientId=${PATIENT_ID}` });

    await screen.findByRole('table', { name: /^Filtered audit events/ });
    expect(screen.getByLabelText('Patient id')).toHaveValue(PATIENT_ID);
    expect(calls[0]?.query.get('patientId')).toBe(PATIENT_ID);
    expect(bodyRows()).toHaveLength(30);

    await user.click(screen.getByRole('link', { name: 'Clear filters' }));
    await screen.findByRole('table', { name: /^Audit events, newest first/ });
    expect(router.state.location.search).toBe('');
    expect(screen.getByLabelText('Patient id')).toHaveValue('');
  });

  it('narrows to one person from a row', async () => {
    serveLog();
    const { user, router } = renderApp({ path: '/audit-log?outcome=success' });

    await screen.findByRole('table');
    await user.click(
      within(bodyRows()[1] as HTMLElement).getByRole('link', {
        name: /^Only this\W+show only events by Nico Navarro, RN$/,
      }),
    );
    await screen.findByLabelText('Account id of who acted');
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      outcome: 'success',
      actorAccountId: NICO.accountId,
    });
  });

  it('pages with the cursor in the address, forward and back', async () => {
    const all = events();
    const successes = all.filter((event) => event.outcome === 'success');
    const calls = serveLog((query) =>
      query.get('cursor') === successes[49]?.id ? page(successes.slice(50)) : firstPage(successes),
    );
    const { user, router } = renderApp({ path: '/audit-log?outcome=success' });

    await screen.findByRole('table', { name: /page 1$/ });
    expect(screen.getByText('50 events on this page.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Next page' }));

    await screen.findByRole('table', { name: /page 2$/ });
    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('outcome')).toBe('success');
    const lastOnFirstPage = successes[49];
    expect(search.get('cursor')).toBe(lastOnFirstPage?.id);
    expect(calls.at(-1)?.query.get('cursor')).toBe(lastOnFirstPage?.id);
    expect(bodyRows()).toHaveLength(9);
    expect(screen.getByText('End of the log.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Next page' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Previous page' }));
    await screen.findByRole('table', { name: /page 1$/ });
    expect(router.state.location.search).toBe('?outcome=success');
  });

  it('offers the newest events from a shared link to a later page', async () => {
    const all = events();
    serveLog((query) => (query.has('cursor') ? page(all.slice(50)) : undefined));
    const { router } = renderApp({ path: `/audit-log?cursor=${all[49]?.id}` });

    await screen.findByRole('table', { name: 'Audit events, newest first' });
    expect(screen.queryByRole('link', { name: 'Previous page' })).not.toBeInTheDocument();
    await act(() => router.navigate('/audit-log'));
    await screen.findByRole('table', { name: /page 1$/ });
  });

  it('checks the filters before asking the API', async () => {
    const calls = serveLog();
    const { user } = renderApp({ path: '/audit-log' });

    await screen.findByRole('table');
    const asked = calls.length;
    await user.type(screen.getByLabelText('Patient id'), '12345');
    await user.type(screen.getByLabelText('From'), '2026-03-05');
    await user.type(screen.getByLabelText('To'), '2026-03-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Check the filters');
    expect(screen.getByLabelText('Patient id')).toHaveAccessibleDescription(
      expect.stringContaining('Enter a whole id'),
    );
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription(
      expect.stringContaining('The end date must be on or after the start date.'),
    );
    expect(calls).toHaveLength(asked);
  });

  it('shows why an access was refused or failed, and filters by outcome in the address', async () => {
    const refusals = [
      auditEventFactory({
        occurredAt: '2026-03-02T16:03:00.000Z',
        action: 'api.getPatient',
        actor: { ...NICO, kind: 'patient', roles: [] },
        patientId: PATIENT_ID,
        outcome: 'denied',
        reason: 'not_own_patient',
        route: 'GET /api/v1/patients/:patientId',
      }),
      auditEventFactory({
        occurredAt: '2026-03-02T16:02:00.000Z',
        action: 'api.getResult',
        patientId: PATIENT_ID,
        outcome: 'failure',
        reason: 'not_found',
        route: 'GET /api/v1/patients/:patientId/results/:reportId',
      }),
      auditEventFactory({
        occurredAt: '2026-03-02T16:01:00.000Z',
        action: 'condition.update',
        patientId: PATIENT_ID,
        outcome: 'failure',
        reason: 'stale_version',
      }),
    ];
    const [deniedEvent, ...failures] = refusals;
    const calls = serveLog((query) =>
      query.get('outcome') === 'failure'
        ? page(failures)
        : query.get('outcome') === 'denied'
          ? page([deniedEvent!])
          : undefined,
    );
    const { user, router } = renderApp({ path: '/audit-log?outcome=failure' });

    await screen.findByRole('table', { name: /^Filtered audit events/ });
    expect(screen.getByLabelText('Outcome')).toHaveDisplayValue('Failed');
    expect(calls[0]?.query.get('outcome')).toBe('failure');
    const [notFound, stale] = bodyRows();
    expect(notFound).toHaveTextContent('Failed');
    expect(notFound).toHaveTextContent('Not found');
    expect(notFound).toHaveTextContent('GET /api/v1/patients/:patientId/results/:reportId');
    // A module's own code is shown as it is.
    expect(stale).toHaveTextContent('stale_version');

    await user.selectOptions(screen.getByLabelText('Outcome'), 'Denied');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText("Another patient's record");
    expect(router.state.location.search).toBe('?outcome=denied');
    expect(calls.at(-1)?.query.get('outcome')).toBe('denied');
    const [denied] = bodyRows();
    expect(denied).toHaveTextContent('Denied');
    expect(denied).toHaveTextContent('GET /api/v1/patients/:patientId');
    expect(denied).toHaveTextContent('api.getPatient');
  });

  it('is for administrators only', async () => {
    signInStaff(['front-desk']);
    const calls = answer('listAuditEvents', firstPage(events()));
    renderApp({ path: '/audit-log' });

    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});
