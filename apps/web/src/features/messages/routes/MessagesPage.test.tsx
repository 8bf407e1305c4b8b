import {
  conversationItemOf,
  messageFactory,
  patientConversationFactory,
  patientConversationItemFactory,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { pageOf } from '../../../testing/factories';
import { mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { FakeEventSource } from '../../../testing/event-source';
import { PATIENT_ID, signIn, writtenOut } from '../test-fixtures';
// Compiled up front, so the lazy route resolves as fast as it would in a browser.
import './MessagesPage';
import './ConversationPage';

const HOUR = 3_600_000;
const base = Date.parse('2026-11-20T14:30:00.000Z');
const hoursBefore = (hours: number) => new Date(base - hours * HOUR).toISOString();

describe('messages list', () => {
  it('lists conversations as the API orders them, unread and status in words', async () => {
    signIn();
    const answered = patientConversationItemFactory({
      subject: 'Question about my blood test',
      category: 'test-result',
      careTeam: 'Main Street nurses',
      lastMessageAt: hoursBefore(1),
      unread: true,
    });
    const billing = patientConversationItemFactory({
      subject: 'My March bill',
      category: 'billing',
      careTeam: 'Billing office',
      lastMessageAt: hoursBefore(30),
      status: 'closed',
    });
    const calls = mockApi(
      'get',
      '/api/v1/patients/{patientId}/conversations',
      pageOf([answered, billing]),
    );
    renderApp({ path: '/messages' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
    expect(document.title).toBe('Messages – Patient Portal');
    const list = await screen.findByRole('list', { name: 'Your conversations, newest first' });
    const [first, second] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];

    expect(within(first).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Question about my blood test New reply',
    );
    expect(
      within(first).getByRole('link', { name: 'Question about my blood test' }),
    ).toHaveAttribute('href', `/messages/${answered.id}`);
    expect(first).toHaveTextContent('AboutTest result');
    expect(first).toHaveTextContent('WithMain Street nurses');
    expect(first).toHaveTextContent(`Last message${writtenOut(answered.lastMessageAt)}`);
    expect(first).toHaveTextContent('StatusOpen');

    expect(within(second).getByRole('heading', { level: 2 })).toHaveTextContent('My March bill');
    expect(second).not.toHaveTextContent('New reply');
    expect(second).toHaveTextContent('AboutBilling');
    expect(second).toHaveTextContent('StatusClosed');

    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);
    expect(calls.map((call) => call.query)).toEqual([{ limit: '20' }]);
    expect(screen.getByRole('link', { name: 'New message' })).toHaveAttribute(
      'href',
      '/messages/new',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Messages' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('stops saying "New reply" once the conversation is opened', async () => {
    signIn();
    const conversation = patientConversationFactory({ subject: 'About my refill', unread: true }, [
      messageFactory({
        kind: 'staff',
        authorName: 'Nico Navarro, RN',
        body: 'Sent to the pharmacy.',
      }),
    ]);
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/conversations',
      pageOf([conversationItemOf(conversation)]),
    );
    mockApi('get', '/api/v1/patients/{patientId}/conversations/{conversationId}', conversation);
    const { user } = renderApp({ path: '/messages' });

    await user.click(await screen.findByRole('link', { name: 'About my refill' }));
    expect(await screen.findByText('Sent to the pharmacy.')).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'All your messages' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'About my refill' })).toBeVisible();
    expect(screen.queryByText('New reply')).not.toBeInTheDocument();
  });

  it('loads more with the API’s cursor and moves focus to the first new one', async () => {
    signIn();
    const firstPage = Array.from({ length: 20 }, (_, index) =>
      patientConversationItemFactory({ subject: `Question ${index + 1}` }),
    );
    const older = patientConversationItemFactory({ subject: 'An older question' });
    const calls = mockApi('get', '/api/v1/patients/{patientId}/conversations', ({ query }) =>
      query.cursor === 'page-2' ? pageOf([older]) : pageOf(firstPage, 'page-2'),
    );
    const { user } = renderApp({ path: '/messages' });

    await user.click(await screen.findByRole('button', { name: 'Show more' }));

    const heading = await screen.findByRole('heading', { level: 2, name: 'An older question' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(calls.map((call) => call.query)).toEqual([
      { limit: '20' },
      { limit: '20', cursor: 'page-2' },
    ]);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('says there are no messages yet and offers a new one', async () => {
    signIn();
    mockApi('get', '/api/v1/patients/{patientId}/conversations', pageOf([]));
    mockApi('get', '/api/v1/patients/{patientId}/message-categories', { items: [] });
    const { user, router } = renderApp({ path: '/messages' });

    expect(await screen.findByText(/You have no messages yet\./)).toBeVisible();
    const links = screen.getAllByRole('link', { name: 'New message' });
    await user.click(links.at(-1) as HTMLElement);

    expect(await screen.findByRole('heading', { level: 1, name: 'New message' })).toHaveFocus();
    expect(router.state.location.pathname).toBe('/messages/new');
  });

  it('reads the list again when a live event comes', async () => {
    signIn();
    const conversation = patientConversationItemFactory({ subject: 'About my refill' });
    let asked = 0;
    mockApi('get', '/api/v1/patients/{patientId}/conversations', () => {
      asked += 1;
      return pageOf([{ ...conversation, unread: asked > 1 }]);
    });
    renderApp({ path: '/messages' });
    await screen.findByRole('heading', { level: 2, name: 'About my refill' });

    const [stream] = FakeEventSource.open();
    expect(stream?.url).toBe(`/api/v1/patients/${PATIENT_ID}/message-events`);
    expect(stream?.withCredentials).toBe(true);
    stream?.emit('message', { conversationId: conversation.id, messageId: 'x' });

    expect(
      await screen.findByRole('heading', { level: 2, name: 'About my refill New reply' }),
    ).toBeVisible();
    expect(asked).toBe(2);
  });
});
