import { screen, within } from '@testing-library/react';
import { observationFactory } from '../../../testing/factories';
import { mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import type { ObservationTrend } from '../api';
import { PATIENT_ID, signIn, writtenOut } from '../test-fixtures';
// Compiled up front, so the lazy route resolves as fast as it would in a browser.
import './ResultTrendPage';

function a1c(effectiveAt: string, valueQuantity: number, interpretation: 'N' | 'H' | 'L') {
  return observationFactory({
    effectiveAt,
    valueQuantity,
    interpretation,
    abnormal: interpretation !== 'N',
    referenceLow: 4,
    referenceHigh: 5.6,
  });
}

/** The trend the API answers for these values of one test, oldest first. */
function trendOf(code: string, values: ReturnType<typeof a1c>[]): ObservationTrend {
  const latest = values.at(-1);
  return {
    code,
    display: latest?.display ?? code,
    plainName: latest?.plainName ?? null,
    unit: latest?.unit ?? null,
    referenceLow: latest?.referenceLow ?? null,
    referenceHigh: latest?.referenceHigh ?? null,
    points: values.map((value) => ({
      observationId: value.id,
      reportId: value.reportId,
      effectiveAt: value.effectiveAt,
      valueQuantity: value.valueQuantity,
      unit: value.unit,
      interpretation: value.interpretation,
      abnormal: value.abnormal,
      status: value.status,
    })),
  };
}

describe('a test over time', () => {
  it('draws the values with the usual range, and gives the same values as a table', async () => {
    const reports = [
      a1c('2026-02-10T15:00:00.000Z', 5.4, 'N'),
      a1c('2026-05-12T15:00:00.000Z', 6.1, 'H'),
      a1c('2026-08-11T15:00:00.000Z', 3.8, 'L'),
      a1c('2026-11-20T14:30:00.000Z', 7.2, 'H'),
    ];
    signIn();
    const calls = mockApi(
      'get',
      '/api/v1/patients/{patientId}/observations/trend',
      trendOf('4548-4', reports),
    );
    renderApp({ path: '/results/trends/4548-4' });

    const plain = 'A1c (average blood sugar over 3 months)';
    expect(
      await screen.findByRole('heading', { level: 1, name: `${plain} over time` }),
    ).toBeVisible();
    expect(screen.getByText('Medical term: Hemoglobin A1c')).toBeVisible();
    expect(document.title).toBe('Test trend – Patient Portal');
    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);
    expect(calls.map((call) => call.query)).toEqual([{ code: '4548-4', limit: '100' }]);

    const chart = screen.getByRole('img', {
      name: `Chart of your ${plain} results over time`,
    });
    expect(chart).toHaveAccessibleDescription(
      '4 results, from Feb 2026 to Nov 2026. The usual range is 4.0 to 5.6 %. ' +
        '3 results are outside the usual range. The latest result is 7.2 %, from Nov 2026.',
    );
    const points = [...chart.querySelectorAll('.trend-chart__point')];
    expect(points.map((point) => point.getAttribute('data-shape'))).toEqual([
      'circle',
      'triangle-up',
      'triangle-down',
      'triangle-up',
    ]);
    expect(chart.querySelector('.trend-chart__band')).toBeInTheDocument();
    // The y-axis: the usual range's limits, and a few round values that do not crowd them.
    const labels = (kind: string) =>
      [...chart.querySelectorAll(`[data-tick="${kind}"]`)].map((label) => label.textContent);
    expect(labels('range')).toEqual(['5.6', '4']);
    expect(labels('round')).toEqual(['5', '6', '7']);

    const table = screen.getByRole('table', { name: `Your ${plain} results, newest first` });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      [writtenOut(reports[3]!.effectiveAt), '7.2 %', '▲ Higher than the usual range'],
      [writtenOut(reports[2]!.effectiveAt), '3.8 %', '▼ Lower than the usual range'],
      [writtenOut(reports[1]!.effectiveAt), '6.1 %', '▲ Higher than the usual range'],
      [writtenOut(reports[0]!.effectiveAt), '5.4 %', 'Within the usual range'],
    ]);
  });

  it('says when there is nothing to draw yet', async () => {
    signIn();
    mockApi('get', '/api/v1/patients/{patientId}/observations/trend', trendOf('2093-3', []));
    renderApp({ path: '/results/trends/2093-3' });

    expect(
      await screen.findByText('There are no results with numbers to show for this test yet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(document.title).toBe('Test trend – Patient Portal');
  });
});
