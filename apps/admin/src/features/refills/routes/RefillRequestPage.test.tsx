import {
  medicationFactory,
  refillConflictProblem,
  staffRefillHistoryEntryFactory,
  staffRefillRequestFactory,
} from '@portal/api-mocks';
import { screen, within } from '@testing-library/react';
import { answer, signInStaff } from '../../../testing/api';
import { patientFactory } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

function serveRequest(overrides: Parameters<typeof staffRefillRequestFactory>[0] = {}) {
  signInStaff(['provider'], { displayName: 'Dr. Casey Nguyen' });
  const request = staffRefillRequestFactory({ version: 2, ...overrides });
  const medication = medicationFactory({
    id: request.medicationId,
    patientId: request.patientId,
    refillsRemaining: 3,
  });
  answer('getMedication', medication);
  const patient = patientFactory({ id: request.patientId, givenName: 'Jordan', familyName: 'Lee' });
  answer('getPatient', patient);
  return { request, medication, patient };
}

describe('refill request', () => {
  it('approves with the defaults from the medication and sends exactly them', async () => {
    const { request, patient } = serveRequest();
    let current = request;
    answer('getRefillRequest', () => current);
    const calls = answer('approveRefillRequest', () => {
      current = {
        ...request,
        status: 'approved',
        statusText: 'Approved',
        version: 3,
        approvedQuantity: 30,
        approvedRefills: 2,
        sendStatus: 'waiting',
      };
      return current;
    });
    const { user } = renderApp({ path: `/refills/requests/${request.id}` });

    expect(
      await screen.findByRole('heading', { name: request.medicationName }),
    ).toBeInTheDocument();
    expect(await screen.findByLabelText('Quantity')).toHaveValue('30');
    expect(
      await screen.findByRole('link', { name: `Jordan Lee, MRN ${patient.mrn}` }),
    ).toHaveAttribute('href', `/patients/${request.patientId}`);
    expect(screen.getByLabelText(/^Refills/)).toHaveValue('2');
    await user.click(screen.getByRole('button', { name: 'Approve and send to pharmacy' }));

    expect(
      await screen.findByText('Approved. The prescription is being sent to the pharmacy.'),
    ).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params.refillRequestId).toBe(request.id);
    expect(calls[0]!.body).toEqual({ quantity: 30, refills: 2, version: 2 });
    // The approval is saved; sending to the pharmacy is said plainly while it is retried.
    expect(await screen.findByText('Waiting to send to the pharmacy')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Deny request' })).not.toBeInTheDocument();
  });

  it('denies with a reason from the list and the reviewer’s words', async () => {
    const { request } = serveRequest({ status: 'in_review', statusText: 'In review' });
    answer('getRefillRequest', request);
    const calls = answer('denyRefillRequest', {
      ...request,
      status: 'denied',
      statusText: 'Not approved',
      version: 3,
      denialReasonCode: 'needs-lab-work',
    });
    const { user } = renderApp({ path: `/refills/requests/${request.id}` });

    await user.click(await screen.findByRole('button', { name: 'Deny request' }));
    expect(await screen.findByRole('link', { name: 'Choose a reason.' })).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.selectOptions(screen.getByLabelText('Reason'), 'needs-lab-work');
    await user.type(screen.getByLabelText(/^In your words/), 'Please have your kidney panel done.');
    await user.click(screen.getByRole('button', { name: 'Deny request' }));

    expect(await screen.findByText('Denied. The patient is told the reason.')).toBeInTheDocument();
    expect(calls[0]!.body).toEqual({
      reasonCode: 'needs-lab-work',
      reason: 'Please have your kidney panel done.',
      version: 2,
    });
  });

  it('says someone else decided first and shows the state the request is in now', async () => {
    const { request } = serveRequest();
    const decided = {
      ...request,
      status: 'denied' as const,
      statusText: 'Not approved',
      version: 3,
      denialReasonCode: 'too-early' as const,
      history: [
        ...request.history,
        staffRefillHistoryEntryFactory({
          fromStatus: 'requested',
          toStatus: 'denied',
          byKind: 'staff',
          byName: 'Nurse Robin Park',
          reason: 'It is too early to refill this prescription',
        }),
      ],
    };
    let current = request;
    answer('getRefillRequest', () => current);
    answer('approveRefillRequest', () => {
      current = decided;
      return refillConflictProblem({ status: 'denied', version: 3 });
    });
    const { user } = renderApp({ path: `/refills/requests/${request.id}` });

    await user.click(await screen.findByRole('button', { name: 'Approve and send to pharmacy' }));

    const alert = await screen.findByText('Someone else decided this request first');
    expect(alert).toBeInTheDocument();
    expect(
      await screen.findByText('Nothing was changed by you. The request is now: Not approved.'),
    ).toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'History' });
    expect(
      within(history).getByText(/Nurse Robin Park moved it from Requested to Not approved/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Approve and send to pharmacy' }),
    ).not.toBeInTheDocument();
  });

  it('starts the review of a requested refill, and asks for "other" reasons in words', async () => {
    const { request } = serveRequest();
    let current = request;
    answer('getRefillRequest', () => current);
    const calls = answer('startRefillReview', () => {
      current = { ...request, status: 'in_review', statusText: 'In review', version: 3 };
      return current;
    });
    const deny = answer('denyRefillRequest', request);
    const { user } = renderApp({ path: `/refills/requests/${request.id}` });

    await user.click(await screen.findByRole('button', { name: 'Start review' }));
    expect(
      await screen.findByText('You started the review. The patient sees it is in review.'),
    ).toBeInTheDocument();
    expect(calls[0]!.body).toEqual({ version: 2 });
    expect(screen.queryByRole('button', { name: 'Start review' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Reason'), 'other');
    await user.click(screen.getByRole('button', { name: 'Deny request' }));
    expect(await screen.findByRole('link', { name: 'Write the reason.' })).toBeInTheDocument();
    expect(deny).toHaveLength(0);
  });
});
