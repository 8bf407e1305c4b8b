import { staffMemberFactory } from '@portal/api-mocks';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';
import { signInStaff } from '../../../testing/staff-app';

const MAIN = { id: '0190a0a0-0000-7000-8000-0000000010c1', name: 'Main Street' };
const LAKESIDE = { id: '0190a0a0-0000-7000-8000-0000000010c2', name: 'Lakeside' };

describe('staff locations on the staff edit page', () => {
  it('shows where a nurse works, with the provider hours apart, and saves the chosen list', async () => {
    const nurse = staffMemberFactory({ displayName: 'Nico Navarro, RN', roles: ['nurse'] });
    signInStaff(['admin'], { staff: [nurse] });
    const saved: unknown[] = [];
    server.use(
      http.get('*/api/v1/locations', () =>
        HttpResponse.json({
          items: [LAKESIDE, MAIN].map((location) => ({
            ...location,
            phone: '+1 555 010 2000',
            timeZone: 'America/Chicago',
            address: {
              line1: '1 Main Street',
              city: 'Springfield',
              region: 'IL',
              postalCode: '62701',
              country: 'US',
            },
            arrivalInstructions: null,
            active: true,
          })),
          nextCursor: null,
        }),
      ),
      http.get('*/api/v1/staff/:accountId/locations', () =>
        HttpResponse.json({ assigned: [MAIN], practice: [{ id: 'x', name: 'North Clinic' }] }),
      ),
      http.put('*/api/v1/staff/:accountId/locations', async ({ request }) => {
        const body = (await request.json()) as { locationIds: string[] };
        saved.push(body);
        return HttpResponse.json({ assigned: [LAKESIDE, MAIN], practice: [] });
      }),
    );
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
