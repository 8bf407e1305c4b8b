import {
  messageAttachmentFactory,
  messageFactory,
  patientConversationFactory,
} from '@portal/api-mocks';
import { act, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { FakeEventSource } from '../../../testing/event-source';
import { pageOf } from '../../../testing/factories';
import { fileResponse, mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { PATIENT_ID, signIn, UUID, writtenOut } from '../test-fixtures';
import './ConversationPage';

const HOUR = 3_600_000;
const RESULT_ID = '0190b5d2-7c4e-7000-8000-00000000e501';
const base = Date.parse('2026-11-20T14:30:00.000Z');
const at = (hoursAfter: number) => new Date(base + hoursAfter * HOUR).toISOString();

const question = messageFactory({
  kind: 'patient',
  authorName: 'Ana Silva',
  body: 'My cholesterol result came back. Is it too high?',
  sentAt: at(0),
});
const answer = messageFactory({
  kind: 'staff',
  authorName: 'Nico Navarro, RN',
  body: 'It is a little high. <script>alert(1)</script>\nRead https://example.org/cholesterol for tips.',
  sentAt: at(3),
  attachments: [messageAttachmentFactory({ fileName: 'diet-sheet.pdf', sizeBytes: 48_213 })],
});

function conversationWith(messages = [question, answer], status: 'open' | 'closed' = 'open') {
  return patientConversationFactory(
    {
      id: '0190b5d2-7c4e-7000-8000-00000000c0a1',
      subject: 'My cholesterol',
      category: 'test-result',
      careTeam: 'Main Street nurses',
      about: { type: 'result', id: RESULT_ID },
      status,
    },
    messages,
  );
}

function useConversation(answerWith: () => ReturnType<typeof conversationWith>) {
  signIn();
  mockApi('get', '/api/v1/patients/{patientId}/conversations', pageOf([]));
  return mockApi('get', '/api/v1/patients/{patientId}/conversations/{conversationId}', answerWith);
}

describe('conversation', () => {
  it('shows the messages oldest first with author and time, plain text and safe links, and files', async () => {
    const conversation = conversationWith();
    const calls = useConversation(() => conversation);
    const downloads = mockApi(
      'get',
      '/api/v1/patients/{patientId}/conversations/{conversationId}/attachments/{attachmentId}',
      fileResponse('%PDF-1.4\n%%EOF\n', 'application/pdf', 'diet-sheet.pdf'),
    );
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        saved.push(blob);
        return 'blob:file';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = renderApp({ path: `/messages/${conversation.id}` });

    expect(await screen.findByRole('heading', { level: 1, name: 'My cholesterol' })).toBeVisible();
    expect(document.title).toBe('Conversation – Patient Portal');
    expect(screen.getByText('Open: your care team answered')).toBeVisible();
    expect(screen.getByRole('link', { name: 'The test result' })).toHaveAttribute(
      'href',
      `/results/${RESULT_ID}`,
    );
    const thread = screen.getByRole('list', {
      name: 'Messages in this conversation, oldest first',
    });
    const [first, second] = within(thread).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { level: 3 })).toHaveTextContent('You');
    expect(first).toHaveTextContent(`Sent ${writtenOut(question.sentAt)}`);
    expect(within(second).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Nico Navarro, RN, your care team',
    );
    expect(second).toHaveTextContent('It is a little high. <script>alert(1)</script>');
    expect(document.querySelector('main script')).toBeNull();
    const link = within(second).getByRole('link', { name: /example\.org/ });
    expect(link).toHaveAttribute('href', 'https://example.org/cholesterol');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');

    await user.click(within(second).getByRole('button', { name: 'Download diet-sheet.pdf' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.params).toEqual({
      patientId: PATIENT_ID,
      conversationId: conversation.id,
      attachmentId: answer.attachments[0]?.id,
    });
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(click.mock.contexts.map((anchor) => (anchor as HTMLAnchorElement).download)).toEqual([
      'diet-sheet.pdf',
    ]);
    expect(calls.map((call) => call.params.patientId)).toEqual([PATIENT_ID]);
    click.mockRestore();
  });

  it('sends a reply with its own client id and confirms it', async () => {
    const reply = messageFactory({ body: 'Thank you!', sentAt: at(4) });
    let replied = false;
    useConversation(() => conversationWith(replied ? [question, answer, reply] : undefined));
    const sends = mockApi(
      'post',
      '/api/v1/patients/{patientId}/conversations/{conversationId}/messages',
      () => {
        replied = true;
        return reply;
      },
    );
    const { user } = renderApp({ path: `/messages/${conversationWith().id}` });

    const box = await screen.findByRole('textbox', { name: 'Your reply' });
    await user.type(box, 'Thank you!');
    expect(screen.getByText('10 of 10,000 characters')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send reply' }));

    expect(await screen.findByText('Your reply was sent.')).toBeVisible();
    const thread = screen.getByRole('list', {
      name: 'Messages in this conversation, oldest first',
    });
    expect(within(thread).getAllByRole('heading', { level: 3 })).toHaveLength(3);
    expect(screen.getByRole('textbox', { name: 'Your reply' })).toHaveValue('');
    expect(sends.map((call) => call.body)).toEqual([
      { clientMessageId: expect.stringMatching(UUID), body: 'Thank you!' },
    ]);
    expect(screen.getByText('Open: waiting for your care team')).toBeVisible();
  });

  it('closes the conversation after asking, and says a reply opens it again', async () => {
    let closed = false;
    useConversation(() => conversationWith(undefined, closed ? 'closed' : 'open'));
    const closes = mockApi(
      'post',
      '/api/v1/patients/{patientId}/conversations/{conversationId}/close',
      () => {
        closed = true;
        return new HttpResponse(null, { status: 204 });
      },
    );
    const { user } = renderApp({ path: `/messages/${conversationWith().id}` });

    await user.click(await screen.findByRole('button', { name: 'Close conversation' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Close this conversation?' });
    expect(dialog).toHaveTextContent('replying later opens it again');
    expect(within(dialog).getByRole('button', { name: 'Keep it open' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it open' }));
    expect(closes).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    await user.click(screen.getByRole('button', { name: 'Yes, close it' }));

    const confirmation = await screen.findByText(/You closed this conversation\./);
    await waitFor(() => expect(confirmation.closest('.confirmation')).toHaveFocus());
    expect(closes).toHaveLength(1);
    expect(screen.getByText('Closed')).toBeVisible();
    expect(
      screen.getByText('This conversation is closed. Sending a reply opens it again.'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Close conversation' })).not.toBeInTheDocument();
  });

  it('reads the conversation again on a live event and announces the new reply', async () => {
    const followUp = messageFactory({
      kind: 'staff',
      authorName: 'Dr. Lee Park',
      body: 'Let us recheck in three months.',
      sentAt: at(5),
    });
    let answered = false;
    const calls = useConversation(() =>
      conversationWith(answered ? [question, answer, followUp] : undefined),
    );
    const { unmount } = renderApp({ path: `/messages/${conversationWith().id}` });
    await screen.findByRole('heading', { level: 1, name: 'My cholesterol' });

    const [stream] = FakeEventSource.open();
    expect(stream?.url).toBe(`/api/v1/patients/${PATIENT_ID}/message-events`);
    expect(stream?.withCredentials).toBe(true);
    answered = true;
    act(() =>
      stream?.emit('message', { conversationId: conversationWith().id, messageId: followUp.id }),
    );

    expect(await screen.findByText('Let us recheck in three months.')).toBeVisible();
    expect(calls).toHaveLength(2);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('New reply from Dr. Lee Park.'),
    );

    unmount();
    expect(FakeEventSource.open()).toHaveLength(0);
  });

  it('reads everything again after a reconnection, and stops when the session ends', async () => {
    const calls = useConversation(() => conversationWith());
    const { router } = renderApp({ path: `/messages/${conversationWith().id}` });
    await screen.findByRole('heading', { level: 1, name: 'My cholesterol' });
    const [stream] = FakeEventSource.open();

    act(() => stream?.emit('ready', {}));
    act(() => stream?.emit('ready', {}));
    await waitFor(() => expect(calls).toHaveLength(2));

    const backend = signIn();
    backend.state.session = null;
    act(() => stream?.emit('session-ended', {}));
    expect(stream?.readyState).toBe(FakeEventSource.CLOSED);
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
  });

  it('says so when the conversation is not there', async () => {
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/conversations/{conversationId}',
      problem({
        type: 'about:blank',
        status: 404,
        code: 'conversation_not_found',
        title: 'Not found',
        detail: 'No such conversation was found.',
      }),
    );
    renderApp({ path: '/messages/0190b5d2-7c4e-7000-8000-00000000dead' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Conversation not found' }),
    ).toBeVisible();
    expect(screen.getByText(/We could not find this conversation\./)).toBeVisible();
    expect(screen.getByRole('link', { name: 'All your messages' })).toHaveAttribute(
      'href',
      '/messages',
    );
  });
});
