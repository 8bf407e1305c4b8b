import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, useNavigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Page } from './Page';

function Form({ autoFocus }: { autoFocus?: boolean }) {
  const navigate = useNavigate();
  return (
    <Page title="Step" autoFocus={autoFocus}>
      <label htmlFor="day">Day</label>
      <input id="day" />
      <button type="button" onClick={() => void navigate('/other')}>
        Elsewhere
      </button>
    </Page>
  );
}

function renderAt(autoFocus?: boolean) {
  const element = <Form autoFocus={autoFocus} />;
  const router = createMemoryRouter(
    [
      { path: '/step', element },
      { path: '/other', element: <Page title="Other" /> },
    ],
    { initialEntries: ['/start', '/step?token=abc'], initialIndex: 1 },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('Page focus', () => {
  it.each([true, undefined])(
    'leaves focus in the field being typed in when only the query string changes (autoFocus %s)',
    async (autoFocus) => {
      const router = renderAt(autoFocus);
      const user = userEvent.setup();
      // An arrival by navigation (not the first load) moves focus to the heading.
      expect(screen.getByRole('heading', { level: 1, name: 'Step' })).toHaveFocus();

      await user.type(screen.getByLabelText('Day'), '1');
      // The token is taken out of the address, as the invitation page does, mid-typing.
      await act(() => router.navigate('/step', { replace: true }));
      await user.keyboard('3');

      expect(screen.getByLabelText('Day')).toHaveFocus();
      expect(screen.getByLabelText('Day')).toHaveValue('13');
    },
  );

  it('moves focus to the heading of the page navigated to', async () => {
    renderAt();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Other' })).toHaveFocus();
  });
});
