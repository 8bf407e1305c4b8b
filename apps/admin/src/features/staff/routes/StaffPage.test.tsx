import { act, screen, waitFor, within } from '@testing-library/react';
import { answer, signInStaff } from '../../../testing/api';
import { problem, staffMemberFactory, type StaffMember } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

const SELF_ID = '0190b5d2-7c4e-7000-8000-00000000aaaa';

function staff() {
  return [
    staffMemberFactory({
      id: SELF_ID,
      username: 'admin.demo',
      displayName: 'Avery Admin',
      roles: ['admin'],
      secondFactor: 'totp',
      createdAt: '2026-01-01T09:00:00.000Z',
    }),
    staffMemberFactory({
      username: 'nico.navarro',
      displayName: 'Nico Navarro, RN',
      roles: ['nurse'],
      secondFactor: 'totp',
      createdAt: '2026-02-01T09:00:00.000Z',
    }),
    staffMemberFactory({
      username: 'billie.b',
      displayName: 'Billie Brown',
      email: 'billie@clinic.example',
      roles: ['billing', 'front-desk'],
      status: 'disabled',
      secondFactor: 'none',
      createdAt: '2026-03-01T09:00:00.000Z',
    }),
  ];
}

/** What the API answers when a username is already in use. */
const USERNAME_TAKEN = problem(
  409,
  'username_taken',
  'Another account already uses this username.',
  {
    errors: [{ field: 'username', message: 'This username is taken. Choose another one.' }],
  },
);

/**
 * Signs an administrator in. The API lists the accounts; each change answers with the
 * changed account, which the list shows from then on.
 */
function signInAdmin() {
  signInStaff(['admin'], { accountId: SELF_ID, displayName: 'Avery Admin' });
  const accounts = staff();
  const store = (member: StaffMember) => {
    const index = accounts.findIndex((account) => account.id === member.id);
    if (index >= 0) accounts[index] = member;
    else accounts.push(member);
    return member;
  };
  const change = (accountId: string | undefined, changes: Partial<StaffMember>) =>
    store({ ...accounts.find((account) => account.id === accountId)!, ...changes });
  answer('listStaff', () => ({ items: accounts }));
  return {
    creates: answer('createStaff', ({ body }) =>
      body.username === 'nico.navarro'
        ? USERNAME_TAKEN
        : store(staffMemberFactory({ ...body, status: 'active', secondFactor: 'none' })),
    ),
    disables: answer('disableStaff', ({ params }) =>
      change(params['accountId'], { status: 'disabled' }),
    ),
    enables: answer('enableStaff', ({ params }) =>
      change(params['accountId'], { status: 'active' }),
    ),
    resets: answer('resetStaffSecondFactor', ({ params }) =>
      change(params['accountId'], { secondFactor: 'none' }),
    ),
    updates: answer('updateStaff', ({ params, body }) => change(params['accountId'], body)),
  };
}

function rowHeaders() {
  return within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.firstChild?.textContent);
}

function rowOf(name: string) {
  const row = within(screen.getByRole('table'))
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(name));
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

describe('staff accounts', () => {
  it('lists accounts with roles, status and second factor in words', async () => {
    signInAdmin();
    renderApp({ path: '/staff' });

    await screen.findByRole('table', { name: 'Staff accounts (3)' });
    expect(rowHeaders()).toEqual(['Avery Admin', 'Billie Brown', 'Nico Navarro, RN']);
    const billie = rowOf('Billie Brown');
    expect(billie).toHaveTextContent('Billing, Front desk');
    expect(billie).toHaveTextContent('Disabled');
    expect(billie).toHaveTextContent('None set up');
    expect(rowOf('Nico Navarro, RN')).toHaveTextContent('Authenticator app');
    // Nobody disables their own account from here.
    expect(
      within(rowOf('Avery Admin')).queryByRole('button', { name: /^Disable/ }),
    ).not.toBeInTheDocument();
  });

  it('sorts by column with the order in the address', async () => {
    signInAdmin();
    const { user, router } = renderApp({ path: '/staff' });

    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: /^Name/ }));
    expect(router.state.location.search).toBe('?sort=name&order=asc');
    expect(rowHeaders()).toEqual(['Avery Admin', 'Billie Brown', 'Nico Navarro, RN']);
    expect(screen.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await user.click(screen.getByRole('button', { name: /^Created/ }));
    await user.click(screen.getByRole('button', { name: /^Created/ }));
    expect(router.state.location.search).toBe('?sort=created&order=desc');
    expect(rowHeaders()).toEqual(['Billie Brown', 'Nico Navarro, RN', 'Avery Admin']);
    expect(screen.getByRole('columnheader', { name: /^Created/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('filters by status from the address', async () => {
    signInAdmin();
    renderApp({ path: '/staff?status=disabled' });

    await screen.findByRole('table', { name: 'Staff accounts (1)' });
    expect(rowHeaders()).toEqual(['Billie Brown']);
    expect(screen.getByRole('link', { name: 'Disabled' })).toHaveAttribute('aria-current', 'page');
  });

  it('adds a staff member and confirms the set-password email', async () => {
    const backend = signInAdmin();
    const { user, router } = renderApp({ path: '/staff' });

    await user.click(await screen.findByRole('link', { name: 'Add staff member' }));
    const form = await screen.findByRole('form', { name: 'Add staff member' });
    await user.type(within(form).getByLabelText('Username'), 'pat.provider');
    await user.type(within(form).getByLabelText('Name'), 'Dr Pat Provider');
    await user.type(within(form).getByLabelText('Email'), 'pat@clinic.example');
    const roles = within(form).getByRole('group', { name: 'Roles' });
    await user.click(within(roles).getByRole('checkbox', { name: 'Provider' }));
    await user.click(within(roles).getByRole('checkbox', { name: 'Front desk' }));
    await user.click(within(form).getByRole('button', { name: 'Add staff member' }));

    expect(
      await screen.findByText(
        'The account of Dr Pat Provider is created. A set-password email was sent to pat@clinic.example.',
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/staff');
    expect(backend.creates[0]?.body).toEqual({
      username: 'pat.provider',
      displayName: 'Dr Pat Provider',
      email: 'pat@clinic.example',
      roles: ['front-desk', 'provider'],
    });
    expect(rowOf('Dr Pat Provider')).toHaveTextContent('Front desk, Provider');
  });

  it('shows a taken username beside the field, and asks for a role first', async () => {
    const backend = signInAdmin();
    const { user } = renderApp({ path: '/staff/new' });

    const form = await screen.findByRole('form', { name: 'Add staff member' });
    await user.type(within(form).getByLabelText('Username'), 'nico.navarro');
    await user.type(within(form).getByLabelText('Name'), 'Nico Again');
    await user.type(within(form).getByLabelText('Email'), 'nico2@clinic.example');
    await user.click(within(form).getByRole('button', { name: 'Add staff member' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Choose at least one role.');
    expect(within(form).getByRole('group', { name: 'Roles' })).toHaveAccessibleDescription(
      expect.stringContaining('Choose at least one role.'),
    );
    expect(backend.creates).toHaveLength(0);

    await user.click(within(form).getByRole('checkbox', { name: 'Nurse' }));
    await user.click(within(form).getByRole('button', { name: 'Add staff member' }));

    await waitFor(() =>
      expect(within(form).getByLabelText('Username')).toHaveAccessibleDescription(
        expect.stringContaining('This username is taken. Choose another one.'),
      ),
    );
    expect(backend.creates).toHaveLength(1);
  });

  it('disables an account only after one confirmation, then enables it again', async () => {
    const backend = signInAdmin();
    const { user } = renderApp({ path: '/staff' });

    await screen.findByRole('table');
    const disable = within(rowOf('Nico Navarro, RN')).getByRole('button', {
      name: 'Disable for Nico Navarro, RN',
    });
    await user.click(disable);
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Disable the account of Nico Navarro, RN?',
    });
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining('signed out everywhere at once'),
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(backend.disables).toHaveLength(0);

    await user.click(disable);
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', {
        name: 'Disable account',
      }),
    );
    expect(
      await screen.findByText(
        'The account of Nico Navarro, RN is disabled. They are signed out everywhere.',
      ),
    ).toBeInTheDocument();
    expect(backend.disables).toHaveLength(1);
    expect(rowOf('Nico Navarro, RN')).toHaveTextContent('Disabled');

    await user.click(
      within(rowOf('Nico Navarro, RN')).getByRole('button', {
        name: 'Enable for Nico Navarro, RN',
      }),
    );
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', {
        name: 'Enable account',
      }),
    );
    await waitFor(() => expect(rowOf('Nico Navarro, RN')).toHaveTextContent('Active'));
  });

  it('resets a second factor after confirmation', async () => {
    const backend = signInAdmin();
    const { user } = renderApp({ path: '/staff' });

    await screen.findByRole('table');
    await user.click(
      within(rowOf('Nico Navarro, RN')).getByRole('button', {
        name: 'Reset second factor for Nico Navarro, RN',
      }),
    );
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Reset the second factor of Nico Navarro, RN?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Reset second factor' }));

    expect(
      await screen.findByText(
        'The second factor of Nico Navarro, RN is reset. An email told them so.',
      ),
    ).toBeInTheDocument();
    expect(backend.resets).toHaveLength(1);
    expect(rowOf('Nico Navarro, RN')).toHaveTextContent('None set up');
  });

  it('keeps the dialog open with the reason when the API refuses', async () => {
    signInAdmin();
    answer(
      'disableStaff',
      problem(422, 'cannot_disable_self', 'Ask another administrator to disable your account.', {
        title: 'You cannot disable your own account',
      }),
    );
    const { user } = renderApp({ path: '/staff' });

    await screen.findByRole('table');
    await user.click(
      within(rowOf('Nico Navarro, RN')).getByRole('button', {
        name: 'Disable for Nico Navarro, RN',
      }),
    );
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Disable account' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Ask another administrator to disable your account.',
    );
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    expect(rowOf('Nico Navarro, RN')).toHaveTextContent('Active');
  });

  it('edits roles, sending only what changed', async () => {
    const backend = signInAdmin();
    const { user } = renderApp({ path: '/staff' });

    await user.click(
      await within(await screen.findByRole('table')).findByRole('link', {
        name: 'Edit for Billie Brown',
      }),
    );
    const form = await screen.findByRole('form', { name: 'Edit staff member' });
    expect(within(form).getByText('billie.b')).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: 'Front desk' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(
      await screen.findByText('The changes to Billie Brown are saved. New roles apply at once.'),
    ).toBeInTheDocument();
    expect(backend.updates[0]?.body).toEqual({ roles: ['billing'] });
  });

  it('explains in words why an admin cannot drop their own admin role', async () => {
    signInAdmin();
    answer(
      'updateStaff',
      problem(
        422,
        'cannot_remove_own_admin_role',
        'Ask another administrator to change your roles, so the clinic always keeps an administrator.',
        {
          title: 'You cannot remove your own admin role',
          errors: [{ field: 'roles', message: 'Keep the admin role on your own account.' }],
        },
      ),
    );
    const { user, router } = renderApp({ path: `/staff/${SELF_ID}/edit` });

    const form = await screen.findByRole('form', { name: 'Edit staff member' });
    await user.click(within(form).getByRole('checkbox', { name: 'Front desk' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Administrator' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Keep the admin role on your own account.',
    );
    expect(router.state.location.pathname).toBe(`/staff/${SELF_ID}/edit`);
    await act(() => router.navigate('/staff'));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});
