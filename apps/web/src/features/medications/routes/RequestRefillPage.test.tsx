import { pharmacyFactory, problemFactory, refillRequestFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { medication, PATIENT_ID, useMedicationsApi } from '../test-fixtures';
import './RequestRefillPage';
import './RefillRequestPage';

const mainStreet = pharmacyFactory({ name: 'Main Street Pharmacy' });
const riverside = pharmacyFactory({
  name: 'Riverside Drugs',
  addressLine: '4 River Road',
  city: 'Shelbyville',
  postalCode: '62565',
});
const lisinopril = medication({ display: 'Lisinopril 10 mg', dose: '10 mg' });
const metformin = medication({ display: 'Metformin 500 mg', dose: null });
const insulin = medication({
  display: 'Insulin glargine',
  dose: null,
  refillsRemaining: 0,
  prescriber: 'Dr. Lee Park',
});

function requestFor(med: typeof lisinopril, overrides = {}) {
  return refillRequestFactory({
    patientId: PATIENT_ID,
    medicationId: med.id,
    medicationName: med.display,
    pharmacy: mainStreet,
    ...overrides,
  });
}

describe('request a refill', () => {
  it('sends the chosen medicines to the preferred pharmacy and confirms on the request page', async () => {
    useMedicationsApi({ current: [lisinopril, metformin, insulin], preferred: mainStreet });
    const first = requestFor(lisinopril);
    const second = requestFor(metformin);
    const sends = mockApi(
      'post',
      '/api/v1/patients/{patientId}/refill-requests',
      { items: [first, second] },
      { status: 201 },
    );
    mockApi('get', '/api/v1/patients/{patientId}/refill-requests/{refillRequestId}', first);
    const { user, router } = renderApp({
      path: `/medications/refill?medication=${lisinopril.id}`,
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Request a refill' }),
    ).toBeVisible();
    const medicines = await screen.findByRole('group', { name: 'Medicines to refill' });
    expect(
      within(medicines).getByRole('checkbox', { name: 'Lisinopril 10 mg, 10 mg' }),
    ).toBeChecked();
    const second_ = within(medicines).getByRole('checkbox', { name: 'Metformin 500 mg' });
    expect(second_).not.toBeChecked();
    await user.click(second_);

    const pharmacy = screen.getByRole('group', { name: 'Pharmacy' });
    expect(
      within(pharmacy).getByRole('radio', {
        name: 'Main Street Pharmacy, 12 Main Street, Springfield, IL 62701 (your preferred pharmacy)',
      }),
    ).toBeChecked();
    // Already the preferred one: nothing to make preferred.
    expect(screen.queryByRole('checkbox', { name: 'Make this my preferred pharmacy' })).toBeNull();

    await user.type(
      screen.getByRole('textbox', { name: 'A note for your care team (optional)' }),
      'Three days left.',
    );
    await user.click(screen.getByRole('button', { name: 'Send the request' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/medications/refills/${first.id}`),
    );
    expect(sends).toHaveLength(1);
    expect(sends[0]?.params).toEqual({ patientId: PATIENT_ID });
    expect(sends[0]?.body).toEqual({
      medicationIds: [lisinopril.id, metformin.id],
      pharmacyId: mainStreet.id,
      note: 'Three days left.',
    });
    const confirmation = await screen.findByText(
      'Your 2 refill requests are sent to your care team, one for each medicine.',
    );
    expect(confirmation.closest('.confirmation')).toHaveFocus();
    expect(screen.getByRole('link', { name: 'See the refill request 2' })).toHaveAttribute(
      'href',
      `/medications/refills/${second.id}`,
    );
  });

  it('says plainly before sending that a medicine with no refills left becomes a renewal', async () => {
    useMedicationsApi({ current: [lisinopril, insulin], preferred: mainStreet });
    const { user } = renderApp({ path: '/medications/refill' });

    const box = await screen.findByRole('checkbox', { name: 'Insulin glargine' });
    expect(box).toHaveAccessibleDescription(
      'No refills left: this becomes a renewal request to Dr. Lee Park.',
    );
    const before = screen.getByRole('region', { name: 'Before you send' });
    expect(before).not.toHaveTextContent('renewal');
    await user.click(box);
    expect(before).toHaveTextContent(
      'Insulin glargine has no refills left, so this becomes a renewal request: your prescriber, Dr. Lee Park, decides whether to write a new prescription.',
    );
  });

  it('asks for a medicine when none is chosen, linked to the field', async () => {
    useMedicationsApi({ current: [lisinopril], preferred: mainStreet });
    const sends = mockApi('post', '/api/v1/patients/{patientId}/refill-requests', { items: [] });
    const { user } = renderApp({ path: '/medications/refill' });

    await user.click(await screen.findByRole('button', { name: 'Send the request' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', {
      name: 'Choose at least one medicine to refill.',
    });
    expect(link).toHaveAttribute('href', `#refill-medication-${lisinopril.id}`);
    expect(sends).toHaveLength(0);
  });

  it('names the open request when one is already open, with a link to it', async () => {
    useMedicationsApi({ current: [lisinopril, metformin], preferred: mainStreet });
    const openId = '0190b5d2-7c4e-7000-8000-00000000ab01';
    mockApi(
      'post',
      '/api/v1/patients/{patientId}/refill-requests',
      problem(
        problemFactory({
          status: 409,
          code: 'refill_already_requested',
          title: 'A refill of this medication is already requested',
          detail: `Refill request ${openId} for this medication is still open. Follow it, or cancel it before asking again.`,
          errors: [
            {
              field: 'medicationIds.1',
              message: `Already requested: refill request ${openId} is open.`,
            },
          ],
        }),
      ),
    );
    const { user } = renderApp({
      path: `/medications/refill?medication=${lisinopril.id}&medication=${metformin.id}`,
    });

    await user.click(await screen.findByRole('button', { name: 'Send the request' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', {
        name: 'Metformin 500 mg already has a refill request open. Follow that one, or cancel it before asking again.',
      }),
    ).toHaveAttribute('href', `#refill-medication-${metformin.id}`);
    expect(
      within(summary).getByRole('link', { name: 'See the open request for Metformin 500 mg' }),
    ).toHaveAttribute('href', `/medications/refills/${openId}`);
  });

  it('searches the pharmacy directory and makes the one chosen preferred before sending', async () => {
    useMedicationsApi({ current: [lisinopril], preferred: null });
    const searches = mockApi('get', '/api/v1/patients/{patientId}/pharmacies', (call) => ({
      items: call.query.q === 'Shelby' ? [riverside] : [],
      nextCursor: null,
    }));
    const preferred = mockApi('put', '/api/v1/patients/{patientId}/preferred-pharmacy', {
      pharmacy: riverside,
    });
    const created = requestFor(lisinopril, { pharmacy: riverside });
    const sends = mockApi(
      'post',
      '/api/v1/patients/{patientId}/refill-requests',
      { items: [created] },
      { status: 201 },
    );
    mockApi('get', '/api/v1/patients/{patientId}/refill-requests/{refillRequestId}', created);
    const { user } = renderApp({ path: `/medications/refill?medication=${lisinopril.id}` });

    const search = await screen.findByRole('searchbox', { name: 'Find another pharmacy' });
    expect(search).toHaveAccessibleDescription(
      'Type the start of its name, its city or its ZIP code.',
    );
    await user.type(search, 'Nowhere');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(
      await screen.findByText('No pharmacies found for “Nowhere”. Try the city or the ZIP code.'),
    ).toBeVisible();
    await user.clear(search);
    await user.type(search, 'Shelby{Enter}');
    expect(await screen.findByText('1 pharmacy found for “Shelby”.')).toBeVisible();
    expect(searches.map((call) => call.query)).toEqual([
      { q: 'Nowhere', limit: '10' },
      { q: 'Shelby', limit: '10' },
    ]);
    await user.click(
      screen.getByRole('radio', { name: 'Riverside Drugs, 4 River Road, Shelbyville, IL 62565' }),
    );
    const makePreferred = screen.getByRole('checkbox', { name: 'Make this my preferred pharmacy' });
    await user.click(makePreferred);
    await user.click(screen.getByRole('button', { name: 'Send the request' }));

    expect(await screen.findByText('Your refill request is sent to your care team.')).toBeVisible();
    expect(preferred.map((call) => call.body)).toEqual([{ pharmacyId: riverside.id }]);
    expect(sends.map((call) => call.body)).toEqual([
      { medicationIds: [lisinopril.id], pharmacyId: riverside.id, note: null },
    ]);
  });

  it('asks for a pharmacy when there is no preferred one and none is chosen', async () => {
    useMedicationsApi({ current: [lisinopril], preferred: null });
    const { user } = renderApp({ path: `/medications/refill?medication=${lisinopril.id}` });

    await user.click(await screen.findByRole('button', { name: 'Send the request' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', {
        name: 'Choose the pharmacy that should fill the prescription.',
      }),
    ).toHaveAttribute('href', '#refill-pharmacy-search');
  });
});
