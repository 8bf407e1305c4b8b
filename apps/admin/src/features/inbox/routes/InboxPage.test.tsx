import {
  inboxConversationFactory,
  inboxCountsFactory,
  staffSessionFactory,
  mockSignedIn,
} from '@portal/api-mocks';
import { permissionsOf } from '@portal/api-client';
import { act, screen, waitFor, within } from '@testing-library/react';
import { answer, page } from '../../../testing/api';
import { server } from '../../../testing/server';
import { renderApp } from '../../../testing/render-app';
import { FakeEventSource, serveInbox } from '../testing/inbox';

const HOUR = 3_600_000;

function rowsOf(table: HTMLElement) {
  return within(table).getAllByRole('row').slice(1);
}

describe('inbox', () => {
  it('shows the views with their counts and the rows with the answer-time clock in words', async () => {
    const now = Date.now();
    serveInbox({
      counts: inboxCountsFactory({
        unassigned: { total: 3, unread: 2 },
        mine: 1,
        open: 4,
        waiting: 5,
        closed: 12,
      }),
    });
    const late = inboxConversationFactory({
      subject: 'Dizzy after new pills',
      patient: {
        id: 'a5e3a0c4-4a1b-4d5e-9f00-000000000001',
        name: 'Alex Rivera',
        mrn: 'M00100001',
      },
      awaitingSince: new Date(now - 51 * HOUR).toISOString(),
      replyDueAt: new Date(now - 3 * HOUR - 60_000).toISOString(),
      overdue: true,
      unread: true,
    });
    const fresh = inboxConversationFactory({
      subject: 'Form for school',
      patient: { id: 'a5e3a0c4-4a1b-4d5e-9f00-000000000002', name: 'Jordan Lee', mrn: 'M00100002' },
      category: 'other',
      assignee: { id: 'a5e3a0c4-4a1b-4d5e-9f00-000000000003', name: 'Dana Cole, RN' },
      awaitingSince: new Date(now - HOUR - 60_000).toISOString(),
      replyDueAt: new Date(now + 26 * HOUR).toISOString(),
      unread: false,
    });
    const requests = answer('listInboxConversations', page([late, fresh]));
    renderApp({ path: '/inbox' });

    const views = await screen.findByRole('navigation', { name: 'Inbox views' });
    expect(
      await within(views).findByRole('link', { name: 'Unassigned (3, 2 unread)' }),
    ).toHaveAttribute('aria-current', 'page');
    expect(within(views).getByRole('link', { name: 'Assigned to me (1)' })).toBeInTheDocument();
    expect(within(views).getByRole('link', { name: 'Waiting on patient (5)' })).toBeInTheDocument();
    expect(within(views).getByRole('link', { name: 'Closed (12)' })).toBeInTheDocument();

    const table = await screen.findByRole('table', { name: 'Conversations: Unassigned' });
    const [first, second] = rowsOf(table);
    expect(first).toHaveTextContent('Dizzy after new pills');
    expect(first).toHaveTextContent('Unread');
    expect(first).toHaveTextContent('Alex Rivera');
    expect(first).toHaveTextContent('Medical question');
    expect(first).toHaveTextContent('Nurse line');
    expect(first).toHaveTextContent('Nobody');
    expect(first).toHaveTextContent('Over by 3 hours');
    expect(first).toHaveTextContent('(waiting 2 days)');
    expect(second).toHaveTextContent('Something else');
    expect(second).toHaveTextContent('Dana Cole, RN');
    expect(second).toHaveTextContent('Due in 1 day');
    expect(second).not.toHaveTextContent('Unread');
    expect(within(first!).getByRole('link', { name: 'Dizzy after new pills' })).toHaveAttribute(
      'href',
      `/inbox/${late.id}`,
    );
    expect(requests[0]!.query.get('view')).toBe('unassigned');
  });

  it('keeps the view and filters in the address and asks for them', async () => {
    const { refills } = serveInbox();
    const requests = answer('listInboxConversations', page([]));
    const { user, router } = renderApp({ path: '/inbox' });

    expect(await screen.findByText('No conversations in this view.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /^Waiting on patient/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?view=waiting'));
    await user.selectOptions(await screen.findByLabelText('Pool'), 'Refill desk');
    await user.selectOptions(screen.getByLabelText('Category'), 'Prescription');
    await user.selectOptions(screen.getByLabelText('Patient waiting'), 'At least 1 day');

    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?view=waiting&pool=${refills.id}&category=prescription&waiting=24`,
      ),
    );
    await waitFor(() => {
      const last = requests[requests.length - 1]!.query;
      expect(last.get('view')).toBe('waiting');
      expect(last.get('poolId')).toBe(refills.id);
      expect(last.get('category')).toBe('prescription');
      expect(last.get('waitingAtLeastHours')).toBe('24');
    });
    expect(
      await screen.findByText('No conversations in this view match these filters.'),
    ).toBeInTheDocument();
  });

  it('assigns the selected conversations to me', async () => {
    const { me } = serveInbox();
    const one = inboxConversationFactory({ subject: 'Rash on arm' });
    const two = inboxConversationFactory({ subject: 'Refill question' });
    const three = inboxConversationFactory({ subject: 'Bill is wrong' });
    answer('listInboxConversations', page([one, two, three]));
    const assigned = answer('assignConversations', (call) => ({
      changed: call.body.conversationIds,
      notFound: [],
    }));
    const { user } = renderApp({ path: '/inbox' });

    await user.click(
      await screen.findByRole('checkbox', { name: 'Select Rash on arm from Alex Rivera' }),
    );
    await user.click(
      screen.getByRole('checkbox', { name: 'Select Bill is wrong from Alex Rivera' }),
    );
    const bulk = screen.getByRole('group', { name: 'Selected conversations' });
    expect(within(bulk).getByText('2 selected')).toBeInTheDocument();
    await user.click(within(bulk).getByRole('button', { name: 'Assign to me' }));

    expect(await screen.findByText('2 conversations assigned to you.')).toBeInTheDocument();
    expect(assigned).toHaveLength(1);
    expect(assigned[0]!.body).toEqual({
      conversationIds: [one.id, three.id],
      assigneeAccountId: me.accountId,
    });
  });

  it('assigns to someone else among those at work, and forgets the selection in another view', async () => {
    serveInbox();
    const dana = { id: '0190b5d2-7c4e-7000-8000-00000000d001', name: 'Dana Cole, RN' };
    const one = inboxConversationFactory({ subject: 'Rash on arm' });
    const two = inboxConversationFactory({ subject: 'Refill question', assignee: dana });
    answer('listInboxConversations', page([one, two]));
    const assigned = answer('assignConversations', (call) => ({
      changed: call.body.conversationIds,
      notFound: [],
    }));
    const { user } = renderApp({ path: '/inbox' });

    await user.click(
      await screen.findByRole('checkbox', { name: 'Select Rash on arm from Alex Rivera' }),
    );
    await user.click(screen.getByRole('button', { name: 'Assign to…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign this conversation' });
    await user.selectOptions(within(dialog).getByLabelText('Assign to'), 'Dana Cole, RN');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    expect(
      await screen.findByText('1 conversation assigned to Dana Cole, RN.'),
    ).toBeInTheDocument();
    expect(assigned[0]!.body).toEqual({ conversationIds: [one.id], assigneeAccountId: dana.id });

    await user.click(screen.getByRole('checkbox', { name: 'Select Rash on arm from Alex Rivera' }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /^All open/ }));
    await screen.findByRole('table', { name: 'Conversations: All open' });
    expect(
      screen.getByRole('checkbox', { name: 'Select Rash on arm from Alex Rivera' }),
    ).not.toBeChecked();
    expect(screen.queryByRole('group', { name: 'Selected conversations' })).not.toBeInTheDocument();
  });

  it('closes the selected conversations after one confirmation', async () => {
    serveInbox();
    const items = [
      inboxConversationFactory({ subject: 'Rash on arm' }),
      inboxConversationFactory({ subject: 'Refill question' }),
    ];
    answer('listInboxConversations', page(items));
    const closed = answer('closeConversations', (call) => ({
      changed: call.body.conversationIds,
      notFound: [],
    }));
    const { user } = renderApp({ path: '/inbox' });

    await user.click(
      await screen.findByRole('checkbox', { name: 'Select all conversations shown' }),
    );
    await user.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Close 2 conversations?' });
    expect(closed).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Close conversations' }));

    expect(await screen.findByText(/2 conversations closed/)).toBeInTheDocument();
    expect(closed[0]!.body).toEqual({ conversationIds: items.map((item) => item.id) });
  });

  it('reads the list and counts again when the event stream says a conversation changed', async () => {
    const original = globalThis.EventSource;
    globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
    try {
      const { counts } = serveInbox();
      const arrived = inboxConversationFactory({ subject: 'New question' });
      let items = [inboxConversationFactory({ subject: 'Older question' })];
      answer('listInboxConversations', () => page(items));
      renderApp({ path: '/inbox' });

      expect(await screen.findByText('Older question')).toBeInTheDocument();
      expect(FakeEventSource.last?.url).toBe('/api/v1/inbox/events');
      const countsBefore = counts.length;
      items = [arrived, ...items];
      act(() =>
        FakeEventSource.last!.emit('message', {
          conversationId: arrived.id,
          messageId: arrived.id,
        }),
      );

      expect(await screen.findByText('New question')).toBeInTheDocument();
      expect(counts.length).toBeGreaterThan(countsBefore);
    } finally {
      globalThis.EventSource = original;
    }
  });

  it('is in the menu for staff who read messages, and not without messages:read', async () => {
    server.use(
      ...mockSignedIn(
        staffSessionFactory({
          user: {
            roles: ['billing'],
            permissions: permissionsOf('staff', ['billing']).filter(
              (permission) => permission !== 'messages:read',
            ),
          },
        }),
      ),
    );
    renderApp({ path: '/inbox' });

    expect(await screen.findByText("You don't have access")).toBeInTheDocument();
    const menu = screen.getByRole('navigation', { name: 'Main' });
    expect(within(menu).queryByRole('link', { name: 'Inbox' })).not.toBeInTheDocument();
  });

  it('puts Inbox in the menu for nurses', async () => {
    serveInbox();
    answer('listInboxConversations', page([]));
    renderApp({ path: '/inbox' });

    const menu = await screen.findByRole('navigation', { name: 'Main' });
    expect(await within(menu).findByRole('link', { name: 'Inbox' })).toHaveAttribute(
      'href',
      '/inbox',
    );
  });
});
