import { mockSignedIn, staffSessionFactory } from '@portal/api-mocks';
import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';

describe('staff home page', () => {
  it('shows who is signed in and their roles', async () => {
    // Relative to now: a session whose absolute end has passed is no session at all.
    const absoluteExpiresAt = new Date(Date.now() + 6 * 60 * 60_000).toISOString();
    server.use(
      ...mockSignedIn(
        staffSessionFactory({
          user: {
            displayName: 'Sam Okafor',
            username: 'sam.okafor',
            roles: ['nurse', 'front-desk', 'research-lead'],
          },
          absoluteExpiresAt,
        }),
      ),
    );
    renderApp({ path: '/' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Sam Okafor' }),
    ).toBeInTheDocument();
    expect(screen.getByText('sam.okafor')).toBeInTheDocument();
    const roleList = screen.getByText('Nurse').closest('ul');
    expect(roleList).not.toBeNull();
    const roles = within(roleList as HTMLElement).getAllByRole('listitem');
    // Known roles get a readable label; an unknown one is shown as the API names it.
    expect(roles.map((item) => item.textContent)).toEqual(['Nurse', 'Front desk', 'research-lead']);
    expect(document.querySelector('time')).toHaveAttribute('datetime', absoluteExpiresAt);
    expect(document.title).toBe('Home – Staff Portal');
  });

  it('says what to do when no roles are assigned', async () => {
    server.use(...mockSignedIn(staffSessionFactory({ user: { roles: [] } })));
    renderApp({ path: '/' });

    expect(
      await screen.findByText(
        'No roles assigned. Ask a portal administrator for the roles your work needs.',
      ),
    ).toBeInTheDocument();
  });
});
