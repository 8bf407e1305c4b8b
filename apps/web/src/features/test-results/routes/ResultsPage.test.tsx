import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import {
  observationFactory,
  pageOf,
  resultReportFactory,
  resultSummaryOf,
} from '../../../testing/factories';
import { mockApi, type MockCall } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import type { ResultPage } from '../api';
import { PATIENT_ID, signIn, writtenOut } from '../test-fixtures';
// Compiled up front, so the lazy route resolves as fast as it would in a browser.
import './ResultsPage';

const DAY = 86_400_000;
const base = Date.parse('2026-11-20T14:30:00.000Z');

function report(daysBefore: number, overrides: Parameters<typeof resultReportFactory>[0] = {}) {
  return resultSummaryOf(
    resultReportFactory({
      effectiveAt: new Date(base - daysBefore * DAY).toISOString(),
      ...overrides,
    }),
  );
}

/** Signs in and answers the results list, as given or per request. */
function useResults(answer: ResultPage | ((call: MockCall) => ResultPage)) {
  signIn();
  return mockApi('get', '/api/v1/patients/{patientId}/results', answer);
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
    const calls = useResults(pageOf([a1c, lipid, xray]));
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

    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);
    expect(calls.map((call) => call.query)).toEqual([{ limit: '20' }]);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Test results' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('filters by kind of test and dates, kept in the address', async () => {
    const all = [
      report(1, { title: 'Hemoglobin A1c' }),
      report(5, { title: 'Chest X-ray', category: 'imaging', observations: [] }),
      report(400, { title: 'Old knee X-ray', category: 'imaging', observations: [] }),
    ];
    const calls = useResults(({ query }) =>
      pageOf(query.category === 'imaging' && query.from === '2026-01-01' ? [all[1]!] : all),
    );
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
    expect(calls.at(-1)?.query).toEqual({ limit: '20', category: 'imaging', from: '2026-01-01' });
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
    const calls = useResults(pageOf([report(1)]));
    const { user } = renderApp({ path: '/results' });
    await screen.findByRole('list', { name: 'Your test results, newest first' });

    await user.type(screen.getByLabelText('From (date)'), '2026-10-01');
    await user.type(screen.getByLabelText(/To \(date\)/), '2026-09-01');
    await user.click(screen.getByRole('button', { name: 'Show results' }));

    expect(screen.getByLabelText(/To \(date\)/)).toHaveAccessibleDescription(
      'The “To” date must be the same as or after the “From” date.',
    );
    expect(calls).toHaveLength(1);
  });

  it('shows more with the cursor and moves focus to the first new result', async () => {
    const results = Array.from({ length: 23 }, (_, index) =>
      report(index, { title: `Panel ${index + 1}` }),
    );
    const calls = useResults(({ query }) =>
      query.cursor === 'page-2'
        ? pageOf(results.slice(20))
        : pageOf(results.slice(0, 20), 'page-2'),
    );
    const { user } = renderApp({ path: '/results' });

    const list = await screen.findByRole('list', { name: 'Your test results, newest first' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);

    await user.click(screen.getByRole('button', { name: 'Show more' }));

    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(23));
    const next = within(list).getAllByRole('heading', { level: 2 })[20] as HTMLElement;
    await waitFor(() => expect(next).toHaveFocus());
    expect(next).toHaveTextContent('Panel 21');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(calls.map((call) => call.query.cursor ?? null)).toEqual([null, 'page-2']);
  });

  it('says there are no results yet and what happens next', async () => {
    useResults(pageOf([]));
    renderApp({ path: '/results' });

    expect(
      await screen.findByText(
        'You have no test results yet. When a result is ready, it will show here and we will send you an email.',
      ),
    ).toBeInTheDocument();
  });

  it('says so in words when the list cannot be loaded, and tries again', async () => {
    const calls = useResults(pageOf([report(1, { title: 'Hemoglobin A1c' })]));
    mockApi('get', '/api/v1/patients/{patientId}/results', HttpResponse.error(), { once: true });
    const { user } = renderApp({ path: '/results' });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not load your test results',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Hemoglobin A1c' })).toBeInTheDocument();
    expect(calls).toHaveLength(1);
  });
});
