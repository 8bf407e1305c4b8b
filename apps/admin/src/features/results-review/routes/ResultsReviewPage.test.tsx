import { screen, within } from '@testing-library/react';
import { answer, page } from '../../../testing/api';
import { reportFactory, reportSummary } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';
import { reviewItem, serveResults } from '../testing/review';

const HOUR = 3_600_000;

describe('results review', () => {
  it('shows how many results wait and for how long, oldest first', async () => {
    const now = Date.now();
    const { alex, jordan } = serveResults(['provider']);
    const lipids = reportFactory({
      patientId: alex.id,
      title: 'Lipid panel',
      releaseState: 'held',
      issuedAt: new Date(now - 5 * HOUR).toISOString(),
    });
    const a1c = reportFactory({
      patientId: jordan.id,
      title: 'Hemoglobin A1c',
      releaseState: 'held',
      issuedAt: new Date(now - 50 * HOUR).toISOString(),
    });
    // The API lists held results oldest first, with how many wait and since when.
    answer('listResultsForReview', {
      ...page([reviewItem(a1c, jordan), reviewItem(lipids, alex)]),
      total: 2,
      oldestIssuedAt: a1c.issuedAt,
    });
    // The link opens Jordan's results tab at the report.
    answer('getPatient', jordan);
    answer('listResults', page([reportSummary(a1c)]));
    answer('getResult', a1c);
    answer('listVitals', page([]));
    const { user, router } = renderApp({ path: '/results-review' });

    expect(
      await screen.findByRole('heading', { level: 2, name: '2 results waiting, oldest 2 days' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Held results, oldest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Jordan Lee');
    expect(rows[0]).toHaveTextContent(jordan.mrn);
    expect(rows[0]).toHaveTextContent('Hemoglobin A1c');
    expect(rows[0]).toHaveTextContent('2 days ago');
    expect(rows[1]).toHaveTextContent('Alexandra Rivera');
    expect(rows[1]).toHaveTextContent('5 hours ago');

    await user.click(
      within(rows[0]!).getByRole('link', { name: 'Review Hemoglobin A1c for Jordan Lee' }),
    );
    expect(router.state.location.pathname).toBe(`/patients/${jordan.id}/results`);
    expect(await screen.findByRole('button', { name: 'Release to patient' })).toBeInTheDocument();
  });

  it('puts the queue in the menu for providers and only import for nurses', async () => {
    serveResults(['nurse']);
    renderApp({ path: '/results-review' });

    expect(await screen.findByText("You don't have access")).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Main' });
    expect(within(menu).queryByRole('link', { name: 'Results review' })).not.toBeInTheDocument();
    expect(within(menu).getByRole('link', { name: 'Import results' })).toBeInTheDocument();
  });

  it('gives providers the queue with import reachable from it', async () => {
    serveResults(['provider']);
    renderApp({ path: '/results-review' });

    expect(await screen.findByText('Nothing is waiting for review.')).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Main' });
    expect(within(menu).getByRole('link', { name: 'Results review' })).toBeInTheDocument();
    expect(within(menu).queryByRole('link', { name: 'Import results' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import results from a file' })).toHaveAttribute(
      'href',
      '/results-review/import',
    );
  });
});
