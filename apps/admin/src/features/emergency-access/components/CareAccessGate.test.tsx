import type { JsonResponse } from '@portal/api-client';
import { patientFactory, problemResponse } from '@portal/api-mocks';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';
import { signInStaff } from '../../../testing/staff-app';

const REFUSAL = {
  type: 'https://portal.localhost/problems/care-relationship-required',
  title: 'This patient is not in your care',
  status: 403,
  code: 'care_relationship_required',
  detail:
    'This patient is not seen at any of your locations. If you need their clinical record for their care, you can use emergency access.',
};

/**
 * A staff member signed in with one patient open, whose clinical reads answer 403
 * care_relationship_required until emergency access is granted, and empty lists after.
 */
function refuseUntilGranted(roles: string[]) {
  const patient = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  signInStaff(roles, { patients: [patient] });
  const granted: { reason: string }[] = [];
  server.use(
    http.get('*/api/v1/patients/:patientId/:kind', () =>
      granted.length
        ? HttpResponse.json({ items: [], nextCursor: null })
        : problemResponse(REFUSAL),
    ),
    http.post('*/api/v1/patients/:patientId/emergency-access', async ({ request, params }) => {
      const body = (await request.json()) as { reason: string };
      granted.push(body);
      const grant: JsonResponse<'createEmergencyAccess', 201> = {
        id: '0190a0a0-0000-7000-8000-00000000e001',
        patientId: String(params.patientId),
        reason: body.reason,
        grantedAt: '2026-03-02T15:00:00.000Z',
        expiresAt: '2026-03-02T19:00:00.000Z',
      };
      return HttpResponse.json(grant, { status: 201 });
    }),
  );
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
