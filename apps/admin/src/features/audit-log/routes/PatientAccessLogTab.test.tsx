import { screen, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import { patientFactory } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

describe("a patient's access log", () => {
  it('shows administrators who looked at the record, newest first', async () => {
    const patient = patientFactory();
    signInStaff(['admin']);
    answer('getPatient', patient);
    answer(
      'getPatientAccessLog',
      page([
        {
          occurredAt: '2026-03-02T15:04:05.000Z',
          staffName: 'Nico Navarro, RN',
          staffRoles: ['nurse'],
          action: 'patient.read',
          description: 'Viewed your demographics',
        },
        {
          occurredAt: '2026-03-01T09:00:00.000Z',
          staffName: 'Frank Front',
          staffRoles: ['front-desk'],
          action: 'patient.update',
          description: 'Changed your demographics',
        },
      ]),
    );
    const { user } = renderApp({ path: `/patients/${patient.id}` });

    await user.click(await screen.findByRole('link', { name: 'Access log' }));

    const table = await screen.findByRole('table', {
      name: 'Access to the record of Alexandra Rivera, newest first',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Nico Navarro, RN');
    expect(rows[0]).toHaveTextContent('Nurse');
    expect(rows[1]).toHaveTextContent('Changed your demographics');
    expect(rows[1]?.querySelector('time')).toHaveAttribute('title', '2026-03-01 09:00:00 UTC');
    expect(screen.getByRole('link', { name: 'Access log' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('is not shown to front desk', async () => {
    const patient = patientFactory();
    signInStaff(['front-desk']);
    answer('getPatient', patient);
    const reads = answer('getPatientAccessLog', page([]));
    renderApp({ path: `/patients/${patient.id}/access-log` });

    expect(await screen.findByRole('alert')).toHaveTextContent("You don't have access");
    expect(reads).toHaveLength(0);
  });
});
