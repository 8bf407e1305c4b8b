import { observationFactory, recordsPaths, resultReportFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';
import { useRecord, writtenOut } from '../test-fixtures';
// Compiled up front, so the lazy route resolves as fast as it would in a browser.
import './ResultsPage';

const DAY = 86_400_000;
const base = Date.parse('2026-11-20T14:30:00.000Z');

function report(daysBefore: number, overrides: Parameters<typeof resultReportFactory>[0] = {}) {
  return resultReportFactory({
    effectiveAt: new Date(base - daysBefore * DAY).toISOString(),
    ...overrides,
  });
}

describe('test results list', () => {
  it('lists results newest first, with the New badge and flags in words', async () => {
    const lipid = report(10, {
      title: 'Lipid panel',
      observations: [observationFactory({ abnormal: true, interpretation: 'H' })],
    });
    const a1c = report(0, { title: 'Hemoglobin A1c', isNew: true });
    const xray = report(30, {
      title: 'Chest X-ray',
      category: 'imaging',
      observations: [],
      corrected: true,
      narrative: 'Clear lungs.',
    });
    const backend = useRecord({ results: [lipid, xray, a1c] });
    renderApp({ path: '/results' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Test results' })).toBeVisible();
    expect(document.title).toBe('Test results – Patient Portal');
    const list = await screen.findByRole('list', { name: 'Your test results, newest first' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards.map((card) => within(card).getByRole('link').textContent)).toEqual([
      'Hemoglobin A1c',
      'Lipid panel',
      'Chest X-ray',
    ]);

    const [first, second, third] = cards as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Hemoglobin A1c New',
    );
    expect(first).toHaveTextContent(`Collected ${writtenOut(a1c.effectiveAt)}`);
    expect(first).not.toHaveTextContent('Outside the usual range');
    expect(within(first).getByRole('link', { name: 'Hemoglobin A1c' })).toHaveAttribute(
      'href',
      `/results/${a1c.id}`,
    );

    expect(second).not.toHaveTextContent('New');
    expect(second).toHaveTextContent('Outside the usual range');

    expect(third).toHaveTextContent('Corrected');
    expect(third).toHaveTextContent('Done');
    expect(third).toHaveTextContent('Imaging (X-ray, scan or ultrasound)');

    expect(backend.state.listRequests).toEqual([{ kind: 'results', query: { limit: '20' } }]);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Test results' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('hides held reports and ones entered in error', async () => {
    useRecord({
      results: [
        report(1, { title: 'Released' }),
        report(2, { title: 'Held', releaseState: 'held', releasedAt: null }),
        report(3, { title: 'Wrong', status: 'entered-in-error' }),
      ],
    });
    renderApp({ path: '/results' });

    const list = await screen.findByRole('list', { name: 'Your test results, newest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(list).toHaveTextContent('Released');
  });

  it('filters by kind of test and dates, kept in the address', async () => {
    const backend = useRecord({
      results: [
        report(1, { title: 'Hemoglobin A1c' }),
        report(5, { title: 'Chest X-ray', category: 'imaging', observations: [] }),
        report(400, { title: 'Old knee X-ray', category: 'imaging', observations: [] }),
      ],
    });
    const { user, router } = renderApp({ path: '/results' });
    await screen.findByRole('list', { name: 'Your test results, newest first' });

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Kind of test' }),
      'Imaging (X-ray, scan or ultrasound)',
    );
    await user.type(screen.getByLabelText('From (date)'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Show results' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe('?category=imaging&from=2026-01-01'),
    );
    const list = await screen.findByRole('list', { name: 'Your test results, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(list).toHaveTextContent('Chest X-ray');
    expect(backend.state.listRequests.at(-1)).toEqual({
      kind: 'results',
      query: { limit: '20', category: 'imaging', from: '2026-01-01' },
    });
    // The choices survive a reload of the address.
    expect(screen.getByRole('combobox', { name: 'Kind of test' })).toHaveValue('imaging');
    expect(screen.getByLabelText('From (date)')).toHaveValue('2026-01-01');

    await user.click(screen.getByRole('link', { name: 'Show all results' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(
      await within(
        await screen.findByRole('list', { name: 'Your test results, newest first' }),
      ).findAllByRole('listitem'),
    ).toHaveLength(3);
  });

  it('says when the dates are the wrong way round, and asks for nothing', async () => {
    const backend = useRecord({ results: [report(1)] });
    const { user } = renderApp({ path: '/results' });
    await screen.findByRole('list', { name: 'Your test results, newest first' });

    await user.type(screen.getByLabelText('From (date)'), '2026-10-01');
    await user.type(screen.getByLabelText(/To \(date\)/), '2026-09-01');
    await user.click(screen.getByRole('button', { name: 'Show results' }));

    expect(screen.getByLabelText(/To \(date\)/)).toHaveAccessibleDescription(
      'The “To” date must be the same as or after the “From” date.',
    );
    expect(backend.state.listRequests).toHaveLength(1);
  });

  it('shows more with the cursor and moves focus to the first new result', async () => {
    const results = Array.from({ length: 23 }, (_, index) =>
      report(index, { title: `Panel ${index + 1}` }),
    );
    const backend = useRecord({ results });
    const { user } = renderApp({ path: '/results' });

    const list = await screen.findByRole('list', { name: 'Your test results, newest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Show more' }));

    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(23));
    const next = within(list).getAllByRole('heading', { level: 2 })[20] as HTMLElement;
    await waitFor(() => expect(next).toHaveFocus());
    expect(next).toHaveTextContent('Panel 21');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(backend.state.listRequests.map((request) => request.query.cursor ?? null)).toEqual([
      null,
      'c20',
    ]);
  });

  it('says there are no results yet and what happens next', async () => {
    useRecord({ results: [] });
    renderApp({ path: '/results' });

    expect(
      await screen.findByText(
        'You have no test results yet. When a result is ready, it will show here and we will send you an email.',
      ),
    ).toBeInTheDocument();
  });

  it('says so in words when the list cannot be loaded, and tries again', async () => {
    const backend = useRecord({ results: [report(1, { title: 'Hemoglobin A1c' })] });
    server.use(http.get(recordsPaths.results, () => HttpResponse.error(), { once: true }));
    const { user } = renderApp({ path: '/results' });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not load your test results',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Hemoglobin A1c' })).toBeInTheDocument();
    expect(backend.state.listRequests).toHaveLength(1);
  });
});
