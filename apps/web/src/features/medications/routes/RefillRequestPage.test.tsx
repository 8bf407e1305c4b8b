import { problemFactory, refillHistoryEntryFactory, refillRequestFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { inTurn, mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { PATIENT_ID, signIn, writtenOut } from '../test-fixtures';
import './RefillRequestPage';

const requestedAt = '2026-11-20T14:30:00.000Z';
const reviewedAt = '2026-11-21T09:05:00.000Z';
const decidedAt = '2026-11-21T16:45:00.000Z';

function asked(overrides: Parameters<typeof refillRequestFactory>[0] = {}) {
  return refillRequestFactory({
    patientId: PATIENT_ID,
    medicationName: 'Lisinopril 10 mg',
    requestedAt,
    ...overrides,
  });
}

const requestedStep = refillHistoryEntryFactory({ at: requestedAt, toStatus: 'requested' });
const reviewStep = refillHistoryEntryFactory({
  at: reviewedAt,
  fromStatus: 'requested',
  toStatus: 'in_review',
  byKind: 'staff',
  byName: 'Nico Navarro, RN',
});

function useRequest(answer: () => ReturnType<typeof asked>) {
  signIn();
  mockApi('get', '/api/v1/patients/{patientId}/refill-requests', { items: [], nextCursor: null });
  mockApi('get', '/api/v1/patients/{patientId}/medications', { items: [], nextCursor: null });
  return mockApi('get', '/api/v1/patients/{patientId}/refill-requests/{refillRequestId}', answer);
}

describe('refill request', () => {
  it('shows the timeline with when each step happened and the reason for a denial', async () => {
    const denied = asked({
      status: 'denied',
      decidedAt,
      denialReasonCode: 'needs-lab-work',
      decisionReason: null,
      history: [
        requestedStep,
        reviewStep,
        refillHistoryEntryFactory({
          at: decidedAt,
          fromStatus: 'in_review',
          toStatus: 'denied',
          byKind: 'staff',
          byName: 'Dr. Priya Shah',
          reason: 'We need a kidney test first.',
        }),
      ],
    });
    const calls = useRequest(() => denied);
    renderApp({ path: `/medications/refills/${denied.id}` });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Refill request: Lisinopril 10 mg' }),
    ).toBeVisible();
    expect(document.title).toBe('Refill request – Patient Portal');
    expect(calls[0]?.params).toEqual({ patientId: PATIENT_ID, refillRequestId: denied.id });
    expect(screen.getByRole('main')).toHaveTextContent('StatusNot approved');
    expect(screen.getByRole('main')).toHaveTextContent(
      'PharmacyMain Street Pharmacy12 Main Street, Springfield, IL 62701+1 555 010 3000',
    );
    expect(screen.getByRole('main')).toHaveTextContent(
      'Reason: Lab work is needed before this prescription can be refilled.',
    );
    expect(screen.getByRole('link', { name: 'Message your care team' })).toHaveAttribute(
      'href',
      '/messages/new',
    );

    const timeline = screen.getByRole('list', { name: 'What has happened, oldest first' });
    const steps = within(timeline).getAllByRole('listitem');
    expect(
      steps.map((step) => within(step).getByRole('heading', { level: 3 }).textContent),
    ).toEqual(['You asked for a refill', 'Your care team started reviewing it', 'Not approved']);
    expect(steps[0]).toHaveTextContent(writtenOut(requestedAt));
    expect(steps[1]).toHaveTextContent('By Nico Navarro, RN');
    expect(steps[2]).toHaveTextContent(writtenOut(decidedAt));
    expect(steps[2]).toHaveTextContent('Reason: We need a kidney test first.');
    // Decided: nothing to cancel.
    expect(screen.queryByRole('button', { name: 'Cancel this request' })).toBeNull();
  });

  it('links to booking when the care team needs to see the patient first', async () => {
    const request = asked({
      status: 'needs_appointment',
      decidedAt,
      history: [
        requestedStep,
        refillHistoryEntryFactory({
          at: decidedAt,
          fromStatus: 'requested',
          toStatus: 'needs_appointment',
          byKind: 'staff',
          byName: 'Dr. Priya Shah',
          reason: 'A yearly check of your blood pressure.',
        }),
      ],
    });
    useRequest(() => request);
    renderApp({ path: `/medications/refills/${request.id}` });

    expect(await screen.findByRole('link', { name: 'Book an appointment' })).toHaveAttribute(
      'href',
      '/appointments/new',
    );
    expect(screen.getByRole('main')).toHaveTextContent(
      'StatusYour care team needs to see you first',
    );
    const steps = within(
      screen.getByRole('list', { name: 'What has happened, oldest first' }),
    ).getAllByRole('listitem');
    expect(steps[1]).toHaveTextContent('Your care team needs to see you before refilling it');
    expect(steps[1]).toHaveTextContent('Note: A yearly check of your blood pressure.');
  });

  it('says an approval is waiting to be sent to the pharmacy, with what was approved', async () => {
    const request = asked({
      status: 'approved',
      sendStatus: 'waiting',
      approvedQuantity: 30,
      approvedRefills: 1,
      history: [requestedStep],
    });
    useRequest(() => request);
    renderApp({ path: `/medications/refills/${request.id}` });

    expect(
      await screen.findByText(/approved and waiting to be sent to your pharmacy/),
    ).toBeVisible();
    expect(screen.getByRole('main')).toHaveTextContent(
      'StatusApproved, waiting to send to your pharmacy',
    );
    expect(screen.getByRole('main')).toHaveTextContent('Approved30 with 1 refills');
  });

  it('cancels a waiting request after one confirmation, and says so', async () => {
    const open = asked({ status: 'in_review', version: 2, history: [requestedStep, reviewStep] });
    const cancelled = {
      ...open,
      status: 'cancelled' as const,
      version: 3,
      history: [
        requestedStep,
        reviewStep,
        refillHistoryEntryFactory({ fromStatus: 'in_review', toStatus: 'cancelled' }),
      ],
    };
    useRequest(inTurn(open, cancelled));
    const cancels = mockApi(
      'post',
      '/api/v1/patients/{patientId}/refill-requests/{refillRequestId}/cancel',
      cancelled,
    );
    const { user } = renderApp({ path: `/medications/refills/${open.id}` });

    await user.click(await screen.findByRole('button', { name: 'Cancel this request' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel this refill request?' });
    expect(within(dialog).getByRole('button', { name: 'Keep the request' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep the request' }));
    expect(cancels).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Cancel this request' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    const done = await screen.findByText(
      'Your refill request is cancelled. To ask again, request a new refill from Medications.',
    );
    expect(done.closest('.confirmation')).toHaveFocus();
    expect(cancels).toHaveLength(1);
    expect(cancels[0]?.params).toEqual({ patientId: PATIENT_ID, refillRequestId: open.id });
    expect(cancels[0]?.body).toEqual({ version: 2 });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Cancel this request' })).toBeNull(),
    );
    expect(screen.getByRole('main')).toHaveTextContent('StatusCancelled');
  });

  it('says so when the request is not there', async () => {
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/refill-requests/{refillRequestId}',
      problem(
        problemFactory({
          status: 404,
          code: 'refill_request_not_found',
          detail: 'No such refill request was found.',
        }),
      ),
    );
    renderApp({ path: '/medications/refills/0190b5d2-7c4e-7000-8000-00000000ffff' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Refill request not found' }),
    ).toBeVisible();
  });
});
