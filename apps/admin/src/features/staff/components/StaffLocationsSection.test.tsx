import { locationFactory } from '@portal/api-mocks';
import { screen, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import { staffMemberFactory } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

const MAIN = { id: '0190a0a0-0000-7000-8000-0000000010c1', name: 'Main Street' };
const LAKESIDE = { id: '0190a0a0-0000-7000-8000-0000000010c2', name: 'Lakeside' };

describe('staff locations on the staff edit page', () => {
  it('shows where a nurse works, with the provider hours apart, and saves the chosen list', async () => {
    const nurse = staffMemberFactory({ displayName: 'Nico Navarro, RN', roles: ['nurse'] });
    signInStaff(['admin']);
    answer('listStaff', { items: [nurse] });
    answer('listLocations', page([LAKESIDE, MAIN].map((location) => locationFactory(location))));
    answer('getStaffLocations', {
      assigned: [MAIN],
      practice: [{ id: 'x', name: 'North Clinic' }],
    });
    const saved: unknown[] = [];
    answer('setStaffLocations', ({ body }) => {
      saved.push(body);
      return { assigned: [LAKESIDE, MAIN], practice: [] };
    });
    const { user } = renderApp({ path: `/staff/${nurse.id}/edit` });

    const section = await screen.findByRole('region', { name: 'Locations' });
    const main = await within(section).findByRole('checkbox', { name: 'Main Street' });
    expect(main).toBeChecked();
    expect(within(section).getByRole('checkbox', { name: 'Lakeside' })).not.toBeChecked();
    expect(section).toHaveTextContent('North Clinic');

    await user.click(within(section).getByRole('checkbox', { name: 'Lakeside' }));
    await user.click(within(section).getByRole('button', { name: 'Save locations' }));

    expect(await within(section).findByText('The locations are saved.')).toBeInTheDocument();
    expect(saved).toEqual([{ locationIds: [MAIN.id, LAKESIDE.id] }]);
  });
});
