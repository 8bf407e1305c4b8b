import type { JsonResponse } from '@portal/api-client';
import { screen, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import { renderApp } from '../../../testing/render-app';

type Item = JsonResponse<'listEmergencyAccess', 200>['items'][number];

const GRANT: Item = {
  id: '0190a0a0-0000-7000-8000-00000000e002',
  staff: {
    accountId: '0190a0a0-0000-7000-8000-00000000a001',
    displayName: 'Robin Quill, RN',
    username: 'robin.quill',
  },
  patient: { id: '0190a0a0-0000-7000-8000-00000000b001', name: 'Okafor, Samuel', mrn: '100003' },
  reason: 'Called after hours: checking allergies before a prescription.',
  grantedAt: '2026-03-02T15:00:00.000Z',
  expiresAt: '2026-03-02T19:00:00.000Z',
  active: false,
  review: null,
};

describe('emergency access review', () => {
  it('lists who opened which record and why, sends the filters, and marks one reviewed', async () => {
    signInStaff(['admin'], { displayName: 'Avery Admin', accountId: 'admin-1' });
    let item = GRANT;
    const queries: URLSearchParams[] = [];
    answer('listEmergencyAccess', ({ query }) => {
      queries.push(query);
      return page([item]);
    });
    answer('reviewEmergencyAccess', () => {
      item = {
        ...GRANT,
        review: {
          accountId: 'admin-1',
          displayName: 'Avery Admin',
          reviewedAt: '2026-03-03T09:00:00.000Z',
        },
      };
      return item;
    });
    const { user } = renderApp({ path: '/audit-log/emergency-access?reviewed=false' });

    const table = await screen.findByRole('table', { name: 'Emergency accesses, newest first' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Robin Quill, RN');
    expect(row).toHaveTextContent('Okafor, Samuel');
    expect(row).toHaveTextContent('MRN 100003');
    expect(row).toHaveTextContent(GRANT.reason);
    expect(queries[0]?.get('reviewed')).toBe('false');
    expect(screen.getByLabelText('Review')).toHaveValue('false');

    await user.click(
      within(row).getByRole('button', {
        name: 'Mark reviewed (emergency access of Robin Quill, RN to Okafor, Samuel)',
      }),
    );
    expect(
      await screen.findByText(
        'The emergency access of Robin Quill, RN to Okafor, Samuel is marked reviewed.',
      ),
    ).toBeInTheDocument();
    expect(await within(table).findByText(/Reviewed by Avery Admin/)).toBeInTheDocument();
  });

  it('is not shown to a nurse', async () => {
    signInStaff(['nurse']);
    const lists = answer('listEmergencyAccess', page([]));
    renderApp({ path: '/audit-log/emergency-access' });
    expect(
      await screen.findByRole('heading', { level: 1, name: "You don't have access" }),
    ).toBeInTheDocument();
    const listed = lists.length > 0;
    expect(listed).toBe(false);
  });
});
