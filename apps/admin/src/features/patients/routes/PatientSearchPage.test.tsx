import { act, screen, waitFor, within } from '@testing-library/react';
import { answer, page, rolesChangeTo, signInStaff } from '../../../testing/api';
import { patientFactory, type Patient } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

const rivera = patientFactory({
  givenName: 'Alexandra',
  familyName: 'Rivera',
  preferredName: 'Alex',
});
const riverton = patientFactory({
  givenName: 'Jordan',
  familyName: 'Riverton',
  preferredName: null,
  dateOfBirth: '1990-11-02',
  sex: 'male',
});
const okafor = patientFactory({
  givenName: 'Sam',
  familyName: 'Okafor',
  dateOfBirth: '1975-01-30',
});

/** The patients the API finds for each search these tests make. */
function answerSearches(found: Record<string, Patient[]>) {
  return answer('searchPatients', ({ query }) =>
    page(found[query.get('query') ?? query.get('dateOfBirth') ?? ''] ?? []),
  );
}

const SEARCHES = {
  riv: [rivera, riverton],
  riverton: [riverton],
  okafor: [okafor],
  [okafor.mrn]: [okafor],
  '1990-11-02': [riverton],
};

function rowNames() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

describe('patient search', () => {
  it('finds patients by name, shows them in a table and keeps the search in the address', async () => {
    signInStaff(['nurse']);
    const searches = answerSearches(SEARCHES);
    const { user, router } = renderApp({ path: '/patients' });

    await user.type(await screen.findByLabelText('Search patients'), 'riv');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    const table = await screen.findByRole('table', {
      name: 'Patients matching “riv”, by family name',
    });
    expect(router.state.location.search).toBe('?q=riv');
    expect(rowNames()).toEqual(['Rivera, Alexandra', 'Riverton, Jordan']);
    const [, firstRow] = within(table).getAllByRole('row');
    expect(firstRow).toHaveTextContent(/Alex/);
    expect(firstRow).toHaveTextContent(rivera.mrn);
    expect(firstRow).toHaveTextContent('Apr 12, 1968');
    expect(firstRow).toHaveTextContent('Female');
    expect(within(table).getByRole('link', { name: 'Rivera, Alexandra' })).toHaveAttribute(
      'href',
      `/patients/${rivera.id}`,
    );
    expect(searches[0]?.query.get('query')).toBe('riv');
    expect(document.title).toBe('Patients – Staff Portal');
  });

  it('runs the search in the address on arrival, and follows Back', async () => {
    signInStaff(['provider']);
    answerSearches(SEARCHES);
    const { router } = renderApp({ path: '/patients?q=okafor' });

    expect(await screen.findByRole('link', { name: 'Okafor, Sam' })).toBeInTheDocument();
    expect(screen.getByLabelText('Search patients')).toHaveValue('okafor');

    await act(() => router.navigate('/patients?q=riverton'));
    expect(await screen.findByRole('link', { name: 'Riverton, Jordan' })).toBeInTheDocument();
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('link', { name: 'Okafor, Sam' })).toBeInTheDocument();
    expect(screen.getByLabelText('Search patients')).toHaveValue('okafor');
  });

  it('sends a date as the date of birth and an MRN as the query', async () => {
    signInStaff(['front-desk']);
    const searches = answerSearches(SEARCHES);
    const { user } = renderApp({ path: '/patients' });

    const box = await screen.findByLabelText('Search patients');
    await user.type(box, '11/02/1990{Enter}');
    expect(await screen.findByRole('link', { name: 'Riverton, Jordan' })).toBeInTheDocument();
    const byDate = searches[0]?.query;
    expect(byDate?.get('dateOfBirth')).toBe('1990-11-02');
    expect(byDate?.has('query')).toBe(false);

    await user.clear(box);
    await user.type(box, `${okafor.mrn}{Enter}`);
    expect(await screen.findByRole('link', { name: 'Okafor, Sam' })).toBeInTheDocument();
    expect(searches[1]?.query.get('query')).toBe(okafor.mrn);
  });

  it('loads the next page with the cursor and says how many are shown', async () => {
    const many = Array.from({ length: 30 }, (_, index) =>
      patientFactory({ familyName: `Rivers${String(index).padStart(2, '0')}`, givenName: 'Pat' }),
    );
    signInStaff(['billing']);
    const searches = answer('searchPatients', ({ query }) =>
      query.has('cursor') ? page(many.slice(25)) : page(many.slice(0, 25), many[24]!.id),
    );
    const { user } = renderApp({ path: '/patients?q=rivers' });

    expect(await screen.findByRole('link', { name: 'Rivers00, Pat' })).toBeInTheDocument();
    expect(screen.getByText('Showing 25 rows. More are available.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'Rivers29, Pat' })).toBeInTheDocument();
    expect(rowNames()).toHaveLength(30);
    expect(screen.getByText('Showing all 30 rows.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    const second = searches[1]?.query;
    expect(second?.get('cursor')).toBe(many[24]?.id);
    expect(second?.get('query')).toBe('rivers');
  });

  it('says when nothing matches and offers to register, for front desk', async () => {
    signInStaff(['front-desk']);
    answerSearches({});
    renderApp({ path: '/patients?q=zzz' });

    expect(
      await screen.findByText(
        'No patients match “zzz”. Check the spelling, or search by MRN or date of birth.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Register a new patient' })).toHaveAttribute(
      'href',
      '/patients/new',
    );
  });

  it('offers "New patient" only to roles that may register patients', async () => {
    signInStaff(['nurse']);
    const searches = answerSearches(SEARCHES);
    renderApp({ path: '/patients' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Patients' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New patient' })).not.toBeInTheDocument();
    // Nothing is searched until the person asks.
    expect(searches).toHaveLength(0);
  });

  it('jumps to the search box with "/", but types a slash inside fields', async () => {
    signInStaff(['front-desk']);
    const { user } = renderApp({ path: '/patients' });
    const box = await screen.findByLabelText('Search patients');
    expect(box).toHaveAttribute('aria-keyshortcuts', '/');

    screen.getByRole('link', { name: 'New patient' }).focus();
    await user.keyboard('/');
    await waitFor(() => expect(box).toHaveFocus());

    await user.keyboard('04/12/1968');
    expect(box).toHaveValue('04/12/1968');
  });

  it('shows a plain "You don\'t have access" when the API refuses the search', async () => {
    signInStaff(['nurse']);
    answerSearches(SEARCHES);
    // The role changed elsewhere since the session was read: the API now refuses.
    rolesChangeTo(['research']);
    renderApp({ path: '/patients?q=riv' });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("You don't have access");
    expect(alert).toHaveTextContent('Your role does not allow this.');
    expect(alert).not.toHaveTextContent('403');
  });
});
