import {
  messageCategoriesFactory,
  messageCategoryFactory,
  messageFactory,
  messagingProblems,
  patientConversationFactory,
  resultReportFactory,
  uploadedAttachmentFactory,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { pageOf, resultSummaryOf } from '../../../testing/factories';
import { inTurn, mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { PATIENT_ID, signIn, UUID } from '../test-fixtures';
import './NewMessagePage';
import './ConversationPage';

/**
 * A file as the picker gives it. Node's File, not jsdom's: the app hands the file itself to
 * fetch (as a browser would stream it), and Node's fetch only reads its own kind of Blob.
 */
const { File: NodeFile } = jest.requireActual<{ File: typeof File }>('node:buffer');

function pdf(name: string): File {
  return new NodeFile(['%PDF-1.4\n% scan\n%%EOF\n'], name, { type: 'application/pdf' });
}

/** Signs in and answers the categories, every one set up. */
function useCategories() {
  signIn();
  return mockApi(
    'get',
    '/api/v1/patients/{patientId}/message-categories',
    messageCategoriesFactory(),
  );
}

describe('new message', () => {
  it('says who reads it and when, uploads a file, sends once and confirms on the conversation', async () => {
    useCategories();
    const result = resultReportFactory({ title: 'Lipid panel' });
    mockApi('get', '/api/v1/patients/{patientId}/results', pageOf([resultSummaryOf(result)]));
    const uploaded = uploadedAttachmentFactory({ fileName: 'scan.pdf' });
    const uploads = mockApi('post', '/api/v1/patients/{patientId}/message-attachments', uploaded);
    const conversation = patientConversationFactory(
      { subject: 'Question about my cholesterol', careTeam: 'Main Street nurses' },
      [messageFactory({ body: 'Is my cholesterol too high?' })],
    );
    const sends = mockApi('post', '/api/v1/patients/{patientId}/conversations', conversation, {
      status: 201,
    });
    mockApi('get', '/api/v1/patients/{patientId}/conversations', pageOf([]));
    mockApi('get', '/api/v1/patients/{patientId}/conversations/{conversationId}', conversation);
    const { user, router } = renderApp({ path: '/messages/new' });

    expect(await screen.findByRole('heading', { level: 1, name: 'New message' })).toBeVisible();
    const kinds = await screen.findByRole('group', { name: 'What is your message about?' });
    expect(
      within(kinds)
        .getAllByRole('radio')
        .map((radio) => radio.nextSibling?.textContent),
    ).toEqual([
      'Medical question',
      'Appointment',
      'Prescription',
      'Billing',
      'Test result',
      'Something else',
    ]);
    const before = screen.getByRole('region', { name: 'Before you send' });
    expect(before).toHaveTextContent(
      'Messages are not for emergencies. If you need help now, call 911.',
    );

    await user.click(within(kinds).getByRole('radio', { name: 'Test result' }));
    expect(before).toHaveTextContent(
      'Main Street nurses will read it. Usually answers within 2 business days.',
    );
    await user.click(within(kinds).getByRole('radio', { name: 'Billing' }));
    expect(before).toHaveTextContent(
      'Billing office will read it. Usually answers within 3 business days.',
    );
    await user.click(within(kinds).getByRole('radio', { name: 'Test result' }));

    await user.selectOptions(
      screen.getByRole('combobox', {
        name: 'Is it about a visit, a result or a medicine? (optional)',
      }),
      'A test result',
    );
    const which = await screen.findByRole('combobox', { name: 'Which test result?' });
    await user.selectOptions(which, result.id);

    await user.type(
      screen.getByRole('textbox', { name: 'Subject' }),
      'Question about my cholesterol',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Your message' }),
      'Is my cholesterol too high?',
    );
    expect(screen.getByText('27 of 10,000 characters')).toBeVisible();

    await user.upload(screen.getByLabelText('Attach files (optional)'), pdf('scan.pdf'));
    const files = screen.getByRole('list', { name: 'Files attached' });
    expect(await within(files).findByText('Attached')).toBeVisible();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(uploads[0]?.headers.get('X-File-Name')).toBe('scan.pdf');
    expect(uploads[0]?.body).toBe('%PDF-1.4\n% scan\n%%EOF\n');

    await user.click(screen.getByRole('button', { name: 'Send message' }));

    expect(await screen.findByText('Your message was sent to Main Street nurses.')).toBeVisible();
    expect(
      screen.getByText(
        'Usually answers within 2 business days. We will email you when they answer.',
      ),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe(`/messages/${conversation.id}`);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Question about my cholesterol',
    );
    expect(sends).toHaveLength(1);
    const sent = sends[0]?.body as Record<string, unknown>;
    expect(sent).toEqual({
      clientMessageId: expect.stringMatching(UUID),
      category: 'test-result',
      about: { type: 'result', id: result.id },
      subject: 'Question about my cholesterol',
      body: 'Is my cholesterol too high?',
      attachmentIds: [uploaded.id],
    });
    expect(sends[0]?.params.patientId).toBe(PATIENT_ID);
  });

  it('sends a retry with the same client id, so the message is stored once', async () => {
    useCategories();
    const conversation = patientConversationFactory({ subject: 'Refill please' });
    const sends = mockApi(
      'post',
      '/api/v1/patients/{patientId}/conversations',
      inTurn<Response | typeof conversation>(HttpResponse.error(), conversation),
    );
    mockApi('get', '/api/v1/patients/{patientId}/conversations', pageOf([]));
    mockApi('get', '/api/v1/patients/{patientId}/conversations/{conversationId}', conversation);
    const { user } = renderApp({ path: '/messages/new' });

    await user.click(await screen.findByRole('radio', { name: 'Prescription' }));
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Refill please');
    await user.type(
      screen.getByRole('textbox', { name: 'Your message' }),
      'My lisinopril runs out Friday.',
    );
    await user.click(screen.getByRole('button', { name: 'Send message' }));

    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('We could not reach the portal.');
    await user.click(screen.getByRole('button', { name: 'Send message' }));

    expect(await screen.findByText(/Your message was sent to/)).toBeVisible();
    expect(sends).toHaveLength(2);
    const [first, second] = sends.map(
      (call) => (call.body as { clientMessageId: string }).clientMessageId,
    );
    expect(first).toMatch(UUID);
    expect(second).toBe(first);
  });

  it('shows where to get help now when the text mentions chest pain, and still sends', async () => {
    useCategories();
    const conversation = patientConversationFactory({ subject: 'Pain' });
    const sends = mockApi('post', '/api/v1/patients/{patientId}/conversations', conversation);
    mockApi('get', '/api/v1/patients/{patientId}/conversations', pageOf([]));
    mockApi('get', '/api/v1/patients/{patientId}/conversations/{conversationId}', conversation);
    const { user } = renderApp({ path: '/messages/new' });

    await user.click(await screen.findByRole('radio', { name: 'Medical question' }));
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Pain');
    expect(screen.queryByText(/If this is an emergency/)).not.toBeInTheDocument();
    await user.type(
      screen.getByRole('textbox', { name: 'Your message' }),
      'I have had chest pain since last night.',
    );

    const notice = screen
      .getByText('If this is an emergency, do not wait for an answer')
      .closest('[role="alert"]') as HTMLElement;
    expect(notice).toHaveTextContent('Call 911 now');
    expect(notice).toHaveTextContent('call or text 988');

    await user.click(screen.getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText(/Your message was sent to/)).toBeVisible();
    expect((sends[0]?.body as { body: string }).body).toBe(
      'I have had chest pain since last night.',
    );
  });

  it('names the allowed types beside a file the server refuses (415), and sends nothing until it is removed', async () => {
    useCategories();
    mockApi(
      'post',
      '/api/v1/patients/{patientId}/message-attachments',
      problem(messagingProblems.unsupportedAttachment()),
    );
    const sends = mockApi(
      'post',
      '/api/v1/patients/{patientId}/conversations',
      patientConversationFactory(),
    );
    const { user } = renderApp({ path: '/messages/new' });

    await user.click(await screen.findByRole('radio', { name: 'Something else' }));
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'My form');
    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'Here is the form.');
    await user.upload(screen.getByLabelText('Attach files (optional)'), pdf('form.pdf'));

    const files = screen.getByRole('list', { name: 'Files attached' });
    const item = within(files).getByRole('listitem');
    expect(
      await within(item).findByText(
        'form.pdf cannot be attached. Only PDF, JPEG, PNG and HEIC files can be sent.',
      ),
    ).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Send message' }));
    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    const link = within(summary).getByRole('link', {
      name: 'Remove the files that could not be attached, then send.',
    });
    await user.click(link);
    expect(screen.getByLabelText('Attach files (optional)')).toHaveFocus();
    expect(sends).toHaveLength(0);

    await user.click(within(item).getByRole('button', { name: 'Remove form.pdf' }));
    expect(screen.queryByRole('list', { name: 'Files attached' })).not.toBeInTheDocument();
  });

  it('checks size and count before uploading anything', async () => {
    useCategories();
    const uploads = mockApi('post', '/api/v1/patients/{patientId}/message-attachments', () =>
      uploadedAttachmentFactory(),
    );
    const { user } = renderApp({ path: '/messages/new' });
    const input = await screen.findByLabelText('Attach files (optional)');

    const big = pdf('big.pdf');
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    await user.upload(input, [big, ...['1', '2', '3', '4', '5', '6'].map((n) => pdf(`${n}.pdf`))]);

    expect(screen.getByText('big.pdf is larger than 10 MB. Choose a smaller file.')).toBeVisible();
    expect(screen.getByText('You can attach up to 5 files. 6.pdf was not added.')).toBeVisible();
    const files = screen.getByRole('list', { name: 'Files attached' });
    await waitFor(() => expect(within(files).getAllByText('Attached')).toHaveLength(5));
    expect(uploads).toHaveLength(5);
    expect(input).toBeDisabled();
  });

  it('says what is missing, each linked to its field', async () => {
    signIn();
    mockApi('get', '/api/v1/patients/{patientId}/message-categories', {
      items: [
        messageCategoryFactory('medical-question'),
        messageCategoryFactory('billing', {
          available: false,
          careTeam: null,
          answerWithinBusinessDays: null,
        }),
      ],
    });
    const { user } = renderApp({ path: '/messages/new' });

    expect(
      await screen.findByRole('radio', {
        name: 'Billing (cannot be sent online yet: please call the clinic)',
      }),
    ).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Send message' }));

    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Choose what your message is about.', 'Write a subject.', 'Write your message.']);
    await user.click(within(summary).getByRole('link', { name: 'Write a subject.' }));
    const subject = screen.getByRole('textbox', { name: 'Subject' });
    expect(subject).toHaveFocus();
    expect(subject).toHaveAccessibleDescription(expect.stringContaining('Write a subject.'));
  });
});
