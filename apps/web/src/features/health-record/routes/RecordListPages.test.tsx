import { screen, waitFor, within } from '@testing-library/react';
import {
  allergyFactory,
  conditionFactory,
  immunizationFactory,
  pageOf,
} from '../../../testing/factories';
import { mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { PATIENT_ID, signIn } from '../test-fixtures';
// Compiled up front, so the lazy routes resolve as fast as they would in a browser.
import './AllergiesPage';
import './ConditionsPage';
import './ImmunizationsPage';

describe('record section pages', () => {
  it('lists conditions newest first and shows more with the cursor', async () => {
    const conditions = Array.from({ length: 23 }, (_, index) =>
      conditionFactory({
        display: `Condition ${index + 1}`,
        onsetDate: `2026-01-${String(28 - index).padStart(2, '0')}`,
      }),
    );
    signIn();
    const calls = mockApi('get', '/api/v1/patients/{patientId}/conditions', ({ query }) =>
      query.cursor === 'page-2'
        ? pageOf(conditions.slice(20))
        : pageOf(conditions.slice(0, 20), 'page-2'),
    );
    const { user } = renderApp({ path: '/health-record/conditions' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Health conditions' }),
    ).toBeVisible();
    expect(document.title).toBe('Health conditions – Patient Portal');
    const list = await screen.findByRole('list', { name: 'Your health conditions' });
    const headings = () => within(list).getAllByRole('heading', { level: 2 });
    expect(headings()).toHaveLength(20);
    expect(headings()[0]).toHaveTextContent('Condition 1');

    await user.click(screen.getByRole('button', { name: 'Show more' }));

    await waitFor(() => expect(headings()).toHaveLength(23));
    await waitFor(() => expect(headings()[20]).toHaveFocus());
    expect(headings()[20]).toHaveTextContent('Condition 21');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID, PATIENT_ID]);
    expect(calls.map((call) => call.query)).toEqual([
      { limit: '20' },
      { limit: '20', cursor: 'page-2' },
    ]);
    expect(screen.getByRole('link', { name: 'Back to your health record' })).toHaveAttribute(
      'href',
      '/health-record',
    );
  });

  it('narrows vaccines to dates kept in the address', async () => {
    signIn();
    const flu = immunizationFactory({ display: 'Flu 2026', occurredOn: '2026-10-01' });
    const tetanus = immunizationFactory({ display: 'Tetanus 2019', occurredOn: '2019-06-01' });
    const calls = mockApi('get', '/api/v1/patients/{patientId}/immunizations', ({ query }) =>
      pageOf(query.from === '2026-01-01' ? [flu] : [flu, tetanus]),
    );
    const { user, router } = renderApp({ path: '/health-record/immunizations' });
    const list = await screen.findByRole('list', { name: 'Your vaccines' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);

    await user.type(screen.getByLabelText('From (date)'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Show' }));

    await waitFor(() => expect(router.state.location.search).toBe('?from=2026-01-01'));
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Your vaccines' })).getAllByRole('listitem'),
      ).toHaveLength(1),
    );
    expect(screen.getByRole('list', { name: 'Your vaccines' })).toHaveTextContent('Flu 2026');
    expect(calls.at(-1)?.query).toEqual({ limit: '20', from: '2026-01-01' });

    await user.click(screen.getByRole('link', { name: 'Show all dates' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says when nothing matches the dates, and how to see everything', async () => {
    signIn();
    const calls = mockApi('get', '/api/v1/patients/{patientId}/immunizations', pageOf([]));
    renderApp({ path: '/health-record/immunizations?from=2026-01-01' });

    const empty = await screen.findByText(/Nothing matches the dates you chose\./);
    expect(calls.map((call) => call.query)).toEqual([{ limit: '20', from: '2026-01-01' }]);
    expect(within(empty).getByRole('link', { name: 'Show all dates' })).toHaveAttribute(
      'href',
      '/health-record/immunizations',
    );
  });

  it('says plainly when an allergy is severe, and when there are none', async () => {
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/allergies',
      pageOf([
        allergyFactory({ substance: 'Penicillin', severity: 'severe', reaction: 'Swelling' }),
      ]),
    );
    renderApp({ path: '/health-record/allergies' });

    const list = await screen.findByRole('list', { name: 'Your allergies' });
    expect(list).toHaveTextContent(
      'Severe allergy to Penicillin. Tell every doctor, nurse and pharmacist about it.',
    );
    expect(list).toHaveTextContent('How seriousSevere reaction');
    expect(list).toHaveTextContent('TypeMedicine');
    expect(list).toHaveTextContent('ReactionSwelling');
  });

  it('says there are no allergies and what to do', async () => {
    signIn();
    mockApi('get', '/api/v1/patients/{patientId}/allergies', pageOf([]));
    renderApp({ path: '/health-record/allergies' });

    expect(
      await screen.findByText(
        'No allergies are recorded. If you have an allergy, tell your care team at your next visit.',
      ),
    ).toBeInTheDocument();
  });
});
