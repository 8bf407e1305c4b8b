import { screen, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import { CLINICAL_READS } from '../../../testing/clinical-reads';
import { patientFactory, problem } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

const REFUSAL = problem(
  403,
  'care_relationship_required',
  'This patient is not seen at any of your locations. If you need their clinical record for their care, you can use emergency access.',
  {
    type: 'https://portal.localhost/problems/care-relationship-required',
    title: 'This patient is not in your care',
  },
);

/**
 * A staff member signed in with one patient open, whose clinical reads answer 403
 * care_relationship_required until emergency access is granted, and empty lists after.
 */
function refuseUntilGranted(roles: string[]) {
  const patient = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  signInStaff(roles);
  answer('getPatient', patient);
  const granted: { reason: string }[] = [];
  answer('createEmergencyAccess', ({ params, body }) => {
    granted.push(body);
    return {
      id: '0190a0a0-0000-7000-8000-00000000e001',
      patientId: params['patientId']!,
      reason: body.reason,
      grantedAt: '2026-03-02T15:00:00.000Z',
      expiresAt: '2026-03-02T19:00:00.000Z',
    };
  });
  for (const operation of CLINICAL_READS) {
    answer(operation, () => (granted.length ? page([]) : REFUSAL));
  }
  return { patient, granted };
}

describe('a clinical tab of a patient outside the care relationship', () => {
  it('explains the refusal, asks a reason for emergency access, then loads the tab', async () => {
    const { patient, granted } = refuseUntilGranted(['nurse']);
    const { user } = renderApp({ path: `/patients/${patient.id}/record` });

    expect(
      await screen.findByRole('heading', { name: 'This patient is not in your care' }),
    ).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Emergency access' });
    const reason = within(form).getByRole('textbox', { name: 'Reason' });
    await user.type(reason, 'urgent');
    await user.click(
      within(form).getByRole('button', { name: 'Open the record with emergency access' }),
    );
    expect(await within(form).findByText('Give a reason of at least 10 characters.')).toBeVisible();
    expect(reason).toHaveFocus();
    expect(reason).toHaveAccessibleDescription(/Give a reason of at least 10 characters/);
    expect(granted).toHaveLength(0);

    await user.type(reason, ': unconscious on arrival, checking allergies');
    await user.click(
      within(form).getByRole('button', { name: 'Open the record with emergency access' }),
    );

    expect(await screen.findByText('Emergency access is on')).toBeInTheDocument();
    expect(await screen.findByText('No conditions recorded.')).toBeInTheDocument();
    expect(granted).toEqual([{ reason: 'urgent: unconscious on arrival, checking allergies' }]);
    expect(screen.queryByRole('form', { name: 'Emergency access' })).not.toBeInTheDocument();
  });

  it('offers no emergency access to a role that cannot use it', async () => {
    const { patient } = refuseUntilGranted(['admin']);
    renderApp({ path: `/patients/${patient.id}/results` });

    expect(
      await screen.findByRole('heading', { name: 'This patient is not in your care' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Your role cannot use emergency access/)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Emergency access' })).not.toBeInTheDocument();
  });
});
