import { screen, within } from '@testing-library/react';
import { answer } from '../../../testing/api';
import { renderApp } from '../../../testing/render-app';
import { serveResults } from '../testing/review';

describe('result release settings', () => {
  it('lets an admin hold a category for review', async () => {
    const { policy } = serveResults(['admin']);
    const updates = answer('updateResultReleasePolicy', ({ body }) => ({
      items: policy.items.map((item) => ({
        ...item,
        mode: body.items.find((change) => change.category === item.category)?.mode ?? item.mode,
      })),
    }));
    const { user } = renderApp({ path: '/settings/results' });

    const imaging = await screen.findByRole('group', { name: 'Imaging reports' });
    expect(within(imaging).getByLabelText('Release at once')).toBeChecked();
    await user.click(within(imaging).getByLabelText("Hold for a provider's review"));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('The release settings are saved.')).toBeInTheDocument();
    expect(updates[0]?.body).toEqual({
      items: [
        { category: 'laboratory', mode: 'immediate' },
        { category: 'imaging', mode: 'review' },
        { category: 'other', mode: 'immediate' },
      ],
    });
  });

  it('shows providers the settings without a way to change them', async () => {
    serveResults(['provider']);
    renderApp({ path: '/settings/results' });

    const lab = await screen.findByRole('group', { name: 'Laboratory results' });
    expect(within(lab).getByLabelText('Release at once')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
  });
});
