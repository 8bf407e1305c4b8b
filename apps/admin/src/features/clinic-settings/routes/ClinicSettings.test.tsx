import { locationFactory, problems, providerFactory, visitTypeFactory } from '@portal/api-mocks';
import type { JsonResponse } from '@portal/api-client';
import { act, screen, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import { problem, staffMemberFactory } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

type Location = JsonResponse<'listLocations', 200>['items'][number];
type Provider = JsonResponse<'listProviders', 200>['items'][number];
type VisitType = JsonResponse<'listVisitTypes', 200>['items'][number];

/** Replaces the entry with this id by its changed version, and answers with it. */
function changeIn<T extends { id: string }>(list: T[], id: string | undefined, changes: object) {
  const index = list.findIndex((entry) => entry.id === id);
  list[index] = { ...list[index]!, ...changes };
  return list[index];
}

/**
 * Signs staff in with these roles; the API answers with the catalog lists, and each change
 * answers with the changed entry, which the lists show from then on.
 */
function serve(
  roles: string[],
  catalog: { locations?: Location[]; providers?: Provider[]; visitTypes?: VisitType[] } = {},
) {
  const staffMember = staffMemberFactory({
    displayName: 'Dr. Priya Patel',
    username: 'priya.patel',
    roles: ['provider'],
  });
  signInStaff(roles);
  const locations = [...(catalog.locations ?? [])];
  const providers = [...(catalog.providers ?? [])];
  const visitTypes = [...(catalog.visitTypes ?? [])];
  answer('listStaff', { items: [staffMember] });
  answer('listLocations', () => page(locations));
  answer('listProviders', () => page(providers));
  answer('listVisitTypes', () => page(visitTypes));
  const add = <T,>(list: T[], entry: T) => {
    list.push(entry);
    return entry;
  };
  const backend = {
    createLocation: answer('createLocation', ({ body }) =>
      add(locations, locationFactory({ ...body, arrivalInstructions: null })),
    ),
    updateLocation: answer('updateLocation', ({ params, body }) =>
      changeIn(locations, params['locationId'], body),
    ),
    createProvider: answer('createProvider', ({ body }) =>
      add(providers, providerFactory({ ...body, accountId: body.accountId ?? null })),
    ),
    createVisitType: answer('createVisitType', ({ body }) =>
      visitTypes.some((type) => type.name === body.name)
        ? problem(409, 'visit_type_name_taken', 'Another visit type already has this name.', {
            title: 'Name already used',
            errors: [
              {
                field: 'name',
                message: 'Another visit type already has this name. Choose another one.',
              },
            ],
          })
        : add(visitTypes, visitTypeFactory(body)),
    ),
  };
  return { backend, staffMember };
}

function menuLinks() {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('clinic settings', () => {
  it('creates a location with its time zone and lists it', async () => {
    const { backend } = serve(['admin']);
    const { user, router } = renderApp({ path: '/settings/clinic' });

    expect(await screen.findByText('No locations yet. Add the first one.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Add location' }));
    const form = await screen.findByRole('form', { name: 'New location' });
    await user.type(within(form).getByLabelText('Name'), 'East Clinic');
    await user.type(within(form).getByLabelText(/^Phone/), '+1 555 010 3000');
    const zone = within(form).getByLabelText('Time zone');
    expect(
      zone.querySelector('optgroup[label="America"] option[value="America/Chicago"]'),
    ).toHaveTextContent('Chicago');
    await user.selectOptions(zone, 'America/New_York');
    await user.type(within(form).getByLabelText('Address line 1'), '1 Harbor Road');
    await user.type(within(form).getByLabelText('City'), 'Boston');
    await user.type(within(form).getByLabelText('State or region'), 'MA');
    await user.type(within(form).getByLabelText('Postal code'), '02110');
    await user.click(within(form).getByRole('button', { name: 'Add location' }));

    expect(
      await screen.findByText('East Clinic is added. Its times are shown in America/New_York.'),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/clinic');
    expect(backend.createLocation[0]?.body).toEqual({
      name: 'East Clinic',
      phone: '+1 555 010 3000',
      timeZone: 'America/New_York',
      address: {
        line1: '1 Harbor Road',
        city: 'Boston',
        region: 'MA',
        postalCode: '02110',
        country: 'US',
      },
    });
    const table = await screen.findByRole('table', { name: '1 location, by name' });
    const row = within(table).getByRole('row', { name: /East Clinic/ });
    expect(row).toHaveTextContent('America/New_York');
    expect(row).toHaveTextContent('Active');
  });

  it('asks for a time zone before sending, and puts the API’s refusal on that field', async () => {
    const { backend } = serve(['admin']);
    const { user } = renderApp({ path: '/settings/clinic/locations/new' });

    const form = await screen.findByRole('form', { name: 'New location' });
    await user.click(within(form).getByRole('button', { name: 'Add location' }));
    const zone = within(form).getByLabelText('Time zone');
    expect(zone).toHaveAttribute('aria-invalid', 'true');
    expect(zone).toHaveAccessibleDescription(
      expect.stringContaining('Choose the time zone of the location.'),
    );
    expect(backend.createLocation).toHaveLength(0);

    // A zone this browser knows but the server does not.
    answer(
      'createLocation',
      problems.validation([
        { field: 'timeZone', message: 'Choose a time zone from the list, like America/Chicago.' },
      ]),
    );
    await user.type(within(form).getByLabelText('Name'), 'East');
    await user.type(within(form).getByLabelText(/^Phone/), '5550103000');
    await user.selectOptions(zone, 'America/Denver');
    await user.type(within(form).getByLabelText('Address line 1'), '1 Road');
    await user.type(within(form).getByLabelText('City'), 'Denver');
    await user.type(within(form).getByLabelText('State or region'), 'CO');
    await user.type(within(form).getByLabelText('Postal code'), '80202');
    await user.click(within(form).getByRole('button', { name: 'Add location' }));

    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', {
        name: 'Choose a time zone from the list, like America/Chicago.',
      }),
    ).toHaveAttribute('href', '#location-timeZone');
    expect(zone).toHaveAccessibleDescription(
      expect.stringContaining('Choose a time zone from the list, like America/Chicago.'),
    );
  });

  it('changes only what was edited, and deactivates with one button', async () => {
    const north = locationFactory({ name: 'North Clinic', timeZone: 'America/Chicago' });
    const { backend } = serve(['admin'], { locations: [north] });
    const { user } = renderApp({ path: '/settings/clinic' });

    const table = await screen.findByRole('table', { name: '1 location, by name' });
    await user.click(within(table).getByRole('button', { name: 'Deactivate North Clinic' }));
    expect(await screen.findByText(/North Clinic is inactive/)).toBeInTheDocument();
    expect(backend.updateLocation[0]?.body).toEqual({ active: false });
    expect(await within(table).findByText('Inactive')).toBeInTheDocument();

    await user.click(within(table).getByRole('link', { name: 'Edit North Clinic' }));
    const form = await screen.findByRole('form', { name: 'Edit location' });
    await user.selectOptions(within(form).getByLabelText('Time zone'), 'America/Denver');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The changes to North Clinic are saved.')).toBeInTheDocument();
    expect(backend.updateLocation[1]?.body).toEqual({ timeZone: 'America/Denver' });
  });

  it('adds a provider linked to a staff account, offering chosen visit types', async () => {
    const followUp = visitTypeFactory({ name: 'Follow-up visit' });
    const physical = visitTypeFactory({ name: 'Annual physical', durationMinutes: 45 });
    const { backend, staffMember } = serve(['admin'], { visitTypes: [followUp, physical] });
    const { user } = renderApp({ path: '/settings/clinic/providers' });

    await user.click(await screen.findByRole('link', { name: 'Add provider' }));
    const form = await screen.findByRole('form', { name: 'New provider' });
    await user.type(within(form).getByLabelText(/^Name/), 'Dr. Priya Patel');
    await user.type(within(form).getByLabelText('Specialty'), 'Family medicine');
    await user.selectOptions(
      within(form).getByLabelText(/^Staff account/),
      'Dr. Priya Patel (priya.patel)',
    );
    await user.click(within(form).getByRole('checkbox', { name: 'Annual physical' }));
    await user.click(within(form).getByRole('button', { name: 'Add provider' }));

    expect(await screen.findByText(/Dr\. Priya Patel is added/)).toBeInTheDocument();
    expect(backend.createProvider[0]?.body).toEqual({
      displayName: 'Dr. Priya Patel',
      specialty: 'Family medicine',
      accountId: staffMember.id,
      visitTypeIds: [physical.id],
    });
  });

  it('creates a visit type and explains a duplicate name by its field', async () => {
    const existing = visitTypeFactory({ name: 'Follow-up visit' });
    const { backend } = serve(['admin'], { visitTypes: [existing] });
    const { user } = renderApp({ path: '/settings/clinic/visit-types/new' });

    const form = await screen.findByRole('form', { name: 'New visit type' });
    await user.type(within(form).getByLabelText('Name'), 'Follow-up visit');
    const length = within(form).getByLabelText('Length in minutes');
    await user.clear(length);
    await user.type(length, '20');
    await user.click(within(form).getByRole('button', { name: 'Add visit type' }));

    const name = within(form).getByLabelText('Name');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Another visit type already has this name. Choose another one.',
    );
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await user.clear(name);
    await user.type(name, 'Quick check');
    await user.selectOptions(
      within(form).getByLabelText(/^Who may book it online/),
      'New patients only (no visit here yet)',
    );
    await user.click(within(form).getByRole('button', { name: 'Add visit type' }));
    expect(await screen.findByText(/Quick check is added/)).toBeInTheDocument();
    expect(backend.createVisitType[1]?.body).toEqual({
      name: 'Quick check',
      durationMinutes: 20,
      bookableOnline: true,
      patientStatus: 'new',
    });
  });

  it('is in the menu for administrators, beside staff', async () => {
    serve(['admin']);
    const { user } = renderApp({ path: '/' });
    await screen.findByRole('navigation', { name: 'Main' });
    const links = menuLinks();
    expect(links.indexOf('Clinic settings')).toBe(links.indexOf('Staff and settings') + 1);

    await user.click(screen.getByRole('link', { name: 'Clinic settings' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Clinic settings' }),
    ).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: 'Clinic settings sections' });
    expect(within(tabs).getByRole('link', { name: 'Locations' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('is for administrators only', async () => {
    serve(['front-desk'], { providers: [providerFactory()] });
    const { router } = renderApp({ path: '/' });
    await screen.findByRole('navigation', { name: 'Main' });
    expect(menuLinks()).not.toContain('Clinic settings');

    await act(() => router.navigate('/settings/clinic'));
    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
  });
});
