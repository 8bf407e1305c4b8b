import { act, screen, within } from '@testing-library/react';
import { renderApp } from '../../testing/render-app';
import { answer, apiRequests, page, signInStaff } from '../../testing/api';

async function menuLinks() {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

const SECTIONS = ['Patients', 'Invitations', 'Audit log', 'Staff and settings'];

function sections(links: (string | null)[]) {
  return links.filter((name) => name !== null && SECTIONS.includes(name));
}

describe('menu by role', () => {
  it('gives front desk Patients and Invitations, not Staff or Audit', async () => {
    signInStaff(['front-desk']);
    renderApp({ path: '/' });

    expect(sections(await menuLinks())).toEqual(['Patients', 'Invitations']);
  });

  it('gives administrators every section', async () => {
    signInStaff(['admin']);
    renderApp({ path: '/' });

    expect(sections(await menuLinks())).toEqual(SECTIONS);
  });

  it('gives billing Patients only', async () => {
    signInStaff(['billing']);
    renderApp({ path: '/' });

    expect(sections(await menuLinks())).toEqual(['Patients']);
  });

  it('gives nurses and providers Patients only', async () => {
    signInStaff(['nurse', 'provider']);
    renderApp({ path: '/' });

    expect(sections(await menuLinks())).toEqual(['Patients']);
  });

  it('combines the sections of several roles', async () => {
    signInStaff(['billing', 'front-desk']);
    renderApp({ path: '/' });

    expect(sections(await menuLinks())).toEqual(['Patients', 'Invitations']);
  });

  it('marks the section in use as the current page', async () => {
    signInStaff(['front-desk']);
    answer('listInvitations', page([]));
    renderApp({ path: '/invitations' });

    await screen.findByRole('heading', { level: 1, name: 'Invitations' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Invitations' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('says "You don\'t have access" on a section the role does not allow, without calling it', async () => {
    signInStaff(['front-desk']);
    renderApp({ path: '/staff' });

    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Your role does not allow this/)).toBeInTheDocument();
    expect(apiRequests()).toHaveLength(0);
  });

  it('keeps billing out of the audit log and invitations', async () => {
    signInStaff(['billing']);
    const { router } = renderApp({ path: '/audit-log' });

    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();

    await act(() => router.navigate('/invitations'));
    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
  });
});
