import { problems } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { answer, rolesChangeTo, signInStaff } from '../../../testing/api';
import { patientFactory, type Patient } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

type User = ReturnType<typeof renderApp>['user'];

async function fillRequired(user: User) {
  await user.type(await screen.findByLabelText('Legal given name'), 'Morgan');
  await user.type(screen.getByLabelText('Legal family name'), 'Lee');
  await user.type(screen.getByLabelText('Date of birth'), '1984-07-09');
  await user.selectOptions(screen.getByLabelText('Sex'), 'Other');
}

describe('new patient', () => {
  it('labels every field', async () => {
    signInStaff(['front-desk']);
    renderApp({ path: '/patients/new' });

    const form = await screen.findByRole('form', { name: 'New patient' });
    for (const field of within(form).getAllByRole('textbox')) {
      expect(field).toHaveAccessibleName();
    }
    expect(within(form).getByRole('combobox', { name: 'Sex' })).toBeRequired();
    expect(within(form).getByRole('group', { name: 'Address (optional)' })).toBeInTheDocument();
    expect(document.title).toBe('New patient – Staff Portal');
  });

  it('registers the patient and opens the new record', async () => {
    signInStaff(['front-desk']);
    let created: Patient | undefined;
    const creates = answer('createPatient', ({ body }) => {
      created = patientFactory({ ...body, preferredName: body.preferredName ?? null });
      return created;
    });
    answer('getPatient', () => created!);
    const { user, router } = renderApp({ path: '/patients/new' });

    await fillRequired(user);
    await user.type(screen.getByLabelText('Preferred name (optional)'), 'Mo');
    await user.type(screen.getByLabelText('Email (optional)'), 'morgan.lee@example.com');
    await user.click(screen.getByRole('button', { name: 'Register patient' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Morgan Lee' }),
    ).toBeInTheDocument();
    expect(created).toBeDefined();
    expect(router.state.location.pathname).toBe(`/patients/${created?.id}`);
    expect(screen.getByRole('status')).toHaveTextContent(
      `Morgan Lee is registered with MRN ${created?.mrn}.`,
    );
    expect(creates[0]?.body).toEqual({
      givenName: 'Morgan',
      familyName: 'Lee',
      preferredName: 'Mo',
      dateOfBirth: '1984-07-09',
      sex: 'other',
      email: 'morgan.lee@example.com',
      mobilePhone: null,
      address: null,
    });
    // The record's title names no patient.
    expect(document.title).toBe('Patient record – Staff Portal');
  });

  it('shows the server’s field errors beside their fields, nested address fields too', async () => {
    signInStaff(['front-desk']);
    answer(
      'createPatient',
      problems.validation([
        {
          field: 'mobilePhone',
          message:
            'Enter the mobile phone number with + and the country code, like +1 555 010 1001.',
        },
        {
          field: 'address.postalCode',
          message: 'Enter a postal code of letters, digits, spaces or dashes.',
        },
      ]),
    );
    const { user, router } = renderApp({ path: '/patients/new' });

    await fillRequired(user);
    await user.type(screen.getByLabelText('Mobile phone (optional)'), '555');
    await user.type(screen.getByLabelText('Address line 1'), '12 Elm Street');
    await user.type(screen.getByLabelText('City'), 'Springfield');
    await user.type(screen.getByLabelText('State or region'), 'IL');
    await user.type(screen.getByLabelText('Postal code'), '#62701');
    await user.type(screen.getByLabelText('Country'), 'us');
    await user.click(screen.getByRole('button', { name: 'Register patient' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    const phone = screen.getByLabelText('Mobile phone (optional)');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(
      expect.stringContaining('with + and the country code, like +1 555 010 1001.'),
    );
    const postalCode = screen.getByLabelText('Postal code');
    expect(postalCode).toHaveAccessibleDescription(
      'Enter a postal code of letters, digits, spaces or dashes.',
    );
    // Each message in the summary links to its field.
    await user.click(
      within(summary).getByRole('link', {
        name: 'Enter a postal code of letters, digits, spaces or dashes.',
      }),
    );
    expect(postalCode).toHaveFocus();
    expect(router.state.location.pathname).toBe('/patients/new');
    // What was typed is kept.
    expect(screen.getByLabelText('City')).toHaveValue('Springfield');
  });

  it('asks for the required fields without sending anything', async () => {
    signInStaff(['admin']);
    const creates = answer('createPatient', patientFactory());
    const { user } = renderApp({ path: '/patients/new' });

    await user.click(await screen.findByRole('button', { name: 'Register patient' }));

    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Enter the legal given name.',
      'Enter the legal family name.',
      'Enter the date of birth.',
      'Choose the sex.',
    ]);
    expect(screen.getByLabelText('Legal given name')).toHaveAccessibleDescription(
      'Enter the legal given name.',
    );
    expect(creates).toHaveLength(0);
  });

  it('asks for the rest of an address once one line is filled in', async () => {
    signInStaff(['front-desk']);
    const creates = answer('createPatient', patientFactory());
    const { user } = renderApp({ path: '/patients/new' });

    await fillRequired(user);
    await user.type(screen.getByLabelText('City'), 'Springfield');
    await user.click(screen.getByRole('button', { name: 'Register patient' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText('Address line 1')).toHaveAccessibleDescription(
      'Enter the first address line, or leave the whole address empty.',
    );
    expect(screen.getByLabelText('City')).not.toHaveAttribute('aria-invalid');
    expect(creates).toHaveLength(0);
  });

  it('is refused in words when the role may not register patients', async () => {
    signInStaff(['nurse']);
    renderApp({ path: '/patients/new' });

    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
  });

  it('says so plainly when the API answers 403', async () => {
    signInStaff(['front-desk']);
    answer('createPatient', patientFactory());
    // The role changed elsewhere since the session was read: the API now refuses.
    rolesChangeTo(['nurse']);
    const { user } = renderApp({ path: '/patients/new' });

    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Register patient' }));

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent("You don't have access"),
    );
  });
});
