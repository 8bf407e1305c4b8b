import {
  filledTemplateFactory,
  staffMessageFactory,
  staffConversationFactory,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { answer } from '../../../testing/api';
import { renderApp } from '../../../testing/render-app';
import { serveInbox } from '../testing/inbox';

const HOUR = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function conversationWithNote() {
  const now = Date.now();
  // Newest first, as the API lists them.
  return staffConversationFactory(
    {
      subject: 'Dizzy after new pills',
      patient: {
        id: '0190b5d2-7c4e-7000-8000-00000000a001',
        name: 'Alex Rivera',
        mrn: 'M00100001',
      },
      category: 'prescription',
    },
    [
      staffMessageFactory({
        kind: 'note',
        authorName: 'Dana Cole, RN',
        body: 'Called pharmacy, dose is right. See https://example.org/dosing.',
        sentAt: new Date(now - HOUR).toISOString(),
      }),
      staffMessageFactory({
        kind: 'patient',
        authorName: 'Alex Rivera',
        body: 'I feel dizzy since starting the new pills.',
        sentAt: new Date(now - 3 * HOUR).toISOString(),
        attachments: [
          {
            id: '0190b5d2-7c4e-7000-8000-00000000f001',
            fileName: 'pill-bottle.jpg',
            contentType: 'image/jpeg',
            sizeBytes: 2_400_000,
          },
        ],
      }),
    ],
  );
}

function openConversation() {
  const inbox = serveInbox();
  // In the nurses' pool; the refill desk is the other one.
  const conversation = {
    ...conversationWithNote(),
    pool: { id: inbox.nurses.id, name: inbox.nurses.name },
  };
  answer('getConversation', conversation);
  const templates = answer('listFilledReplyTemplates', {
    items: [
      filledTemplateFactory({
        name: 'Thanks, will call',
        text: 'Hello Alex, a nurse will call you today.',
      }),
      filledTemplateFactory({ name: 'Book a visit', text: 'Hello Alex, please book a visit.' }),
    ],
  });
  const view = renderApp({ path: `/inbox/${conversation.id}` });
  return { ...inbox, ...view, conversation, templates };
}

describe('conversation', () => {
  it('shows the patient messages and the internal notes marked as never shown to patients', async () => {
    const { conversation } = openConversation();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dizzy after new pills' }),
    ).toBeInTheDocument();
    const facts = screen.getByRole('list', { name: 'About this conversation' });
    expect(within(facts).getByRole('link', { name: 'Alex Rivera' })).toHaveAttribute(
      'href',
      `/patients/${conversation.patient.id}`,
    );
    expect(facts).toHaveTextContent('Prescription');
    expect(facts).toHaveTextContent('Nurse line');
    expect(facts).toHaveTextContent('Assigned to: Nobody');
    expect(facts).toHaveTextContent('Status: Open');

    const messages = screen.getAllByRole('article');
    // Oldest first.
    expect(messages[0]).toHaveTextContent('From the patient');
    expect(messages[0]).toHaveTextContent('I feel dizzy since starting the new pills.');
    expect(
      within(messages[0]!).getByRole('link', { name: /Download pill-bottle.jpg/ }),
    ).toHaveAttribute(
      'href',
      `/api/v1/conversations/${conversation.id}/attachments/0190b5d2-7c4e-7000-8000-00000000f001`,
    );
    expect(messages[0]).toHaveTextContent('(JPEG, 2.3 MB)');
    expect(messages[1]).toHaveTextContent('Internal note — patients never see this');
    expect(messages[1]).toHaveTextContent('Dana Cole, RN');
    expect(
      within(messages[1]!).getByRole('link', { name: 'https://example.org/dosing' }),
    ).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('shows earlier messages on request, oldest first', async () => {
    serveInbox();
    const now = Date.now();
    const conversation = staffConversationFactory({ subject: 'Long conversation' }, [
      staffMessageFactory({ body: 'Third message', sentAt: new Date(now - HOUR).toISOString() }),
    ]);
    answer('getConversation', {
      ...conversation,
      messages: { ...conversation.messages, nextCursor: 'older' },
    });
    answer('listFilledReplyTemplates', { items: [] });
    const earlier = answer('listConversationMessages', {
      items: [
        staffMessageFactory({
          body: 'Second message',
          sentAt: new Date(now - 2 * HOUR).toISOString(),
        }),
        staffMessageFactory({
          body: 'First message',
          sentAt: new Date(now - 3 * HOUR).toISOString(),
        }),
      ],
      nextCursor: null,
    });
    const { user } = renderApp({ path: `/inbox/${conversation.id}` });

    await user.click(await screen.findByRole('button', { name: 'Show earlier messages' }));
    expect(await screen.findByText('First message')).toBeInTheDocument();
    expect(earlier[0]!.query.get('cursor')).toBe('older');
    expect(screen.getAllByRole('article').map((article) => article.textContent)).toEqual([
      expect.stringContaining('First message'),
      expect.stringContaining('Second message'),
      expect.stringContaining('Third message'),
    ]);
    expect(screen.queryByRole('button', { name: 'Show earlier messages' })).not.toBeInTheDocument();
  });

  it('puts the filled template in the reply and sends it with a client id', async () => {
    const { conversation, user } = openConversation();
    const posted = answer(
      'postConversationMessage',
      (call) =>
        staffMessageFactory({
          kind: 'staff',
          body: call.body.body,
          clientMessageId: call.body.clientMessageId,
        }),
      { status: 201 },
    );

    await user.selectOptions(await screen.findByLabelText('Reply template'), 'Book a visit');
    await user.click(screen.getByRole('button', { name: 'Insert template' }));
    const reply = screen.getByLabelText('Reply to Alex Rivera');
    expect(reply).toHaveValue('Hello Alex, please book a visit.');
    expect(reply).toHaveFocus();
    await user.type(reply, ' Thank you.');
    await user.click(screen.getByRole('button', { name: 'Send reply' }));

    expect(await screen.findByText('Reply sent to Alex Rivera.')).toBeInTheDocument();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.params.conversationId).toBe(conversation.id);
    expect(posted[0]!.body).toEqual({
      clientMessageId: expect.stringMatching(UUID),
      kind: 'reply',
      body: 'Hello Alex, please book a visit. Thank you.',
    });
    expect(screen.getByLabelText('Reply to Alex Rivera')).toHaveValue('');
  });

  it('adds an internal note as a note', async () => {
    const { user } = openConversation();
    const posted = answer(
      'postConversationMessage',
      (call) => staffMessageFactory({ kind: 'note', body: call.body.body }),
      { status: 201 },
    );

    await user.click(await screen.findByRole('radio', { name: 'Internal note' }));
    expect(
      screen.getByText(
        'Internal note — patients never see this. Only staff who read this conversation do.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add internal note' }));
    expect(await screen.findByText('Write your message.', { selector: 'a' })).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    // Ctrl+Enter sends from the message box.
    await user.type(screen.getByLabelText('Internal note (staff only)'), 'Left a voicemail.');
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(
      await screen.findByText('Internal note added. Patients never see it.'),
    ).toBeInTheDocument();
    expect(posted[0]!.body).toMatchObject({ kind: 'note', body: 'Left a voicemail.' });
  });

  it('assigns, closes and moves the conversation', async () => {
    const { conversation, user, router, me, refills } = openConversation();
    const assigned = answer('assignConversations', (call) => ({
      changed: call.body.conversationIds,
      notFound: [],
    }));
    const closed = answer('closeConversations', (call) => ({
      changed: call.body.conversationIds,
      notFound: [],
    }));
    const moved = answer('moveConversation', { changed: [conversation.id], notFound: [] });
    answer('listInboxConversations', { items: [], nextCursor: null });

    await user.click(await screen.findByRole('button', { name: 'Assign to me' }));
    expect(await screen.findByText('The conversation is assigned to you.')).toBeInTheDocument();
    expect(assigned[0]!.body).toEqual({
      conversationIds: [conversation.id],
      assigneeAccountId: me.accountId,
    });

    await user.click(screen.getByRole('button', { name: 'Close conversation' }));
    expect(await screen.findByText(/The conversation is closed/)).toBeInTheDocument();
    expect(closed[0]!.body).toEqual({ conversationIds: [conversation.id] });

    expect(screen.getByLabelText(/Move to pool/)).toHaveValue(refills.id);
    await user.click(screen.getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/inbox'));
    expect(moved[0]!.params.conversationId).toBe(conversation.id);
    expect(moved[0]!.body).toEqual({ poolId: refills.id });
    expect(
      await screen.findByText('The conversation was moved to Refill desk. It is unassigned there.'),
    ).toBeInTheDocument();
  });
});
