import { screen, within } from '@testing-library/react';
import { answer, signInStaff } from '../../../testing/api';
import { patientFactory, problem, type Patient } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

/** Signs staff in with these roles; the API answers with this patient's record. */
function openRecordAs(roles: string[], patient: Patient) {
  signInStaff(roles);
  let current = patient;
  answer('getPatient', () => current);
  // A change answers with the record as now stored.
  return answer('updatePatient', ({ body }) => {
    current = { ...current, ...body } as Patient;
    return current;
  });
}

function tabNames() {
  const tabs = screen.getByRole('navigation', { name: 'Patient record sections' });
  return within(tabs)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('patient record', () => {
  it('shows the demographics with when the record was created and last changed', async () => {
    const patient = patientFactory({
      givenName: 'Alexandra',
      familyName: 'Rivera',
      mobilePhone: null,
      updatedAt: '2026-03-05T10:00:00.000Z',
    });
    openRecordAs(['nurse'], patient);
    renderApp({ path: `/patients/${patient.id}` });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Alexandra Rivera' }),
    ).toBeInTheDocument();
    const facts = screen.getByRole('list', { name: 'Patient identifiers' });
    expect(facts).toHaveTextContent(`MRN: ${patient.mrn}`);
    expect(facts).toHaveTextContent('Born: Apr 12, 1968');
    const details = screen.getByRole('region', { name: 'Details' });
    expect(within(details).getByText('alex.rivera@example.com')).toBeInTheDocument();
    expect(within(details).getByText('12 Elm Street', { exact: false })).toBeInTheDocument();
    const changed = within(details).getByText('Last changed').nextElementSibling;
    expect(changed?.querySelector('time')).toHaveAttribute('datetime', patient.updatedAt);
    expect(changed?.querySelector('time')).toHaveAttribute('title', '2026-03-05 10:00:00 UTC');
    expect(document.title).toBe('Patient record – Staff Portal');
  });

  it('shows each role only the tabs and actions it may use', async () => {
    const patient = patientFactory();
    openRecordAs(['nurse'], patient);
    renderApp({ path: `/patients/${patient.id}` });

    await screen.findByRole('heading', { level: 1 });
    expect(tabNames()).toEqual(['Details', 'Record', 'Results', 'Appointments', 'Send a message']);
    expect(screen.queryByRole('link', { name: 'Edit details' })).not.toBeInTheDocument();
  });

  it('gives front desk the invitations tab and editing, and admins the access log too', async () => {
    const patient = patientFactory();
    openRecordAs(['admin'], patient);
    renderApp({ path: `/patients/${patient.id}` });

    await screen.findByRole('heading', { level: 1 });
    expect(tabNames()).toEqual([
      'Details',
      'Record',
      'Results',
      'Appointments',
      'Invitations',
      'Send a message',
      'Access log',
    ]);
    expect(screen.getByRole('link', { name: 'Details' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Edit details' })).toBeInTheDocument();
  });

  it('sends only what changed, clears emptied fields, and confirms', async () => {
    const patient = patientFactory({ preferredName: 'Alex', email: 'old@example.com' });
    const updates = openRecordAs(['front-desk'], patient);
    const { user, router } = renderApp({ path: `/patients/${patient.id}` });

    await user.click(await screen.findByRole('link', { name: 'Edit details' }));
    const form = await screen.findByRole('form', { name: 'Edit details' });
    await user.clear(within(form).getByLabelText('Preferred name (optional)'));
    const email = within(form).getByLabelText('Email (optional)');
    await user.clear(email);
    await user.type(email, 'new@example.com');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('The changes are saved.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/patients/${patient.id}`);
    expect(updates[0]?.body).toEqual({
      preferredName: null,
      email: 'new@example.com',
    });
    expect(screen.getByText('new@example.com')).toBeInTheDocument();
  });

  it('keeps the Details tab current while editing, and Cancel goes back', async () => {
    const patient = patientFactory();
    const updates = openRecordAs(['front-desk'], patient);
    const { user, router } = renderApp({ path: `/patients/${patient.id}/edit` });

    await screen.findByRole('form', { name: 'Edit details' });
    expect(screen.getByRole('link', { name: 'Details' })).toHaveAttribute('aria-current', 'page');
    await user.click(screen.getByRole('link', { name: 'Cancel' }));
    expect(router.state.location.pathname).toBe(`/patients/${patient.id}`);
    expect(updates).toHaveLength(0);
  });

  it('says when there is no such patient', async () => {
    signInStaff(['front-desk']);
    answer(
      'getPatient',
      problem(404, 'patient_not_found', 'No patient was found with this id.', {
        title: 'Not found',
      }),
    );
    renderApp({ path: '/patients/0190b5d2-7c4e-7000-8000-00000000ffff' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found');
    expect(alert).toHaveTextContent('No patient was found with this id.');
    expect(screen.getByRole('link', { name: 'Back to patient search' })).toBeInTheDocument();
  });
});
