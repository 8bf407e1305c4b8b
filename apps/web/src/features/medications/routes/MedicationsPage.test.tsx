import { refillRequestFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../testing/render-app';
import { medication, PATIENT_ID, useMedicationsApi } from '../test-fixtures';
import './MedicationsPage';

const lisinopril = medication({
  display: 'lisinopril 10 MG Oral Tablet',
  plainName: 'Lisinopril 10 mg tablet',
  dose: '10 mg',
  frequency: 'Once a day',
  instructions: 'Take in the morning with water.',
});
const metformin = medication({ display: 'metformin 500 MG Oral Tablet', plainName: 'Metformin' });
const oxycodone = medication({ display: 'Oxycodone 5 mg', controlled: true });
const atorvastatin = medication({
  display: 'Atorvastatin 20 mg',
  status: 'stopped',
  endDate: '2026-06-30',
});
const openRequest = refillRequestFactory({
  patientId: PATIENT_ID,
  medicationId: metformin.id,
  medicationName: metformin.display,
  status: 'in_review',
});
const approved = refillRequestFactory({
  patientId: PATIENT_ID,
  medicationId: lisinopril.id,
  medicationName: lisinopril.display,
  status: 'approved',
  sendStatus: 'waiting',
  requestedAt: '2026-10-01T15:00:00.000Z',
});

function card(name: string) {
  const list = screen.getByRole('list', { name: 'Medicines you take now' });
  const heading = within(list).getByRole('heading', { level: 3, name });
  return heading.closest('li') as HTMLElement;
}

describe('medications', () => {
  it('offers a refill only where one can be asked for online', async () => {
    const calls = useMedicationsApi({
      current: [lisinopril, metformin, oxycodone],
      past: [atorvastatin],
      requests: [openRequest, approved],
    });
    const { user } = renderApp({ path: '/medications' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Medications' })).toBeVisible();
    expect(document.title).toBe('Medications – Patient Portal');
    await screen.findByRole('list', { name: 'Medicines you take now' });
    expect(
      screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent),
    ).toEqual(['Medicines you take now', 'Your refill requests', 'Past medicines']);

    const first = card('Lisinopril 10 mg tablet');
    expect(first).toHaveTextContent('How to take it10 mg, Once a day');
    expect(first).toHaveTextContent('InstructionsTake in the morning with water.');
    expect(first).toHaveTextContent('Prescribed byDr. Priya Shah');
    expect(first).toHaveTextContent('Refills left2');
    expect(first).toHaveTextContent('Last filledNovember 2, 2026');
    expect(first).toHaveTextContent('PharmacyMain Street Pharmacy');
    expect(
      within(first).getByRole('link', { name: 'Request a refill of Lisinopril 10 mg tablet' }),
    ).toHaveAttribute('href', `/medications/refill?medication=${lisinopril.id}`);

    // An open request: its status in words and a link, no second request.
    const second = card('Metformin');
    expect(within(second).queryByRole('link', { name: /Request a refill/ })).toBeNull();
    expect(second).toHaveTextContent('Refill requested. Status: In review by your care team.');
    expect(within(second).getByRole('link', { name: 'See the refill request' })).toHaveAttribute(
      'href',
      `/medications/refills/${openRequest.id}`,
    );

    // Controlled: call the clinic.
    const third = card('Oxycodone 5 mg');
    expect(within(third).queryByRole('link', { name: /Request a refill/ })).toBeNull();
    expect(third).toHaveTextContent(/controlled medicine.*call the clinic/);
    expect(
      await within(third).findByRole('link', { name: 'Call the clinic at +1 555 010 0100' }),
    ).toHaveAttribute('href', 'tel:+15550100100');

    // Only one medicine can be asked for, so no "all" button: the one on its card.
    expect(screen.getAllByRole('link', { name: /^Request a refill/ })).toHaveLength(1);

    const requests = screen.getByRole('list', { name: 'Your refill requests, newest first' });
    const items = within(requests).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Status: In review by your care team');
    expect(items[1]).toHaveTextContent('Status: Approved, waiting to send to your pharmacy');
    expect(items[1]).toHaveTextContent('Asked on Thursday, October 1, 2026');
    expect(within(items[1]!).getByRole('link', { name: lisinopril.display })).toHaveAttribute(
      'href',
      `/medications/refills/${approved.id}`,
    );

    // Past medicines only when asked for, and never with a refill button.
    expect(calls.medications.map((call) => call.query.status)).toEqual(['active']);
    const toggle = screen.getByRole('button', { name: 'Show past medicines' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const past = await screen.findByRole('list', { name: 'Medicines you took before' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(past).toHaveTextContent('Atorvastatin 20 mg');
    expect(past).toHaveTextContent('Stopped onJune 30, 2026');
    expect(within(past).queryByRole('link', { name: /Request a refill/ })).toBeNull();
    expect(calls.medications.map((call) => call.query.status)).toEqual(['active', 'stopped']);
  });

  it('asks for all the medicines that can be refilled at once, and says when there are no requests', async () => {
    useMedicationsApi({ current: [lisinopril, metformin, oxycodone] });
    renderApp({ path: '/medications' });

    const all = await screen.findByRole('link', { name: 'Request a refill' });
    expect(all).toHaveAttribute(
      'href',
      `/medications/refill?medication=${lisinopril.id}&medication=${metformin.id}`,
    );
    expect(screen.getByText('You have not asked for a refill online yet.')).toBeVisible();
  });

  it('is reached from the record’s medications page, where refill emails link', async () => {
    useMedicationsApi({ current: [lisinopril] });
    const { user, router } = renderApp({ path: '/health-record/medications' });

    await user.click(
      await screen.findByRole('link', { name: 'Request a refill or follow a refill request' }),
    );
    await screen.findByRole('list', { name: 'Medicines you take now' });
    expect(router.state.location.pathname).toBe('/medications');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Medications' })).toHaveFocus(),
    );
  });
});
