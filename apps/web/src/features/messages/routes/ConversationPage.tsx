import '../messages.css';
import { Confirmation } from '@portal/auth-ui';
import { isApiError } from '@portal/api-client';
import {
  Alert,
  Button,
  Dialog,
  ErrorSummary,
  formatNumber,
  LinkList,
  type ErrorSummaryItem,
} from '@portal/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import { Link, useLocation, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { patientPage } from '../../../components/PatientOnly';
import { isNotFound, QueryState } from '../../../components/QueryState';
import { TextAreaField } from '../../../components/TextAreaField';
import { $api, cursorPages } from '../../../lib/api-queries';
import { problemItems } from '../../../lib/form-problems';
import {
  appointmentPath,
  MEDICATIONS_PATH,
  MESSAGES_PATH,
  resultPath,
} from '../../../lib/navigation';
import {
  MAX_BODY_CHARACTERS,
  MESSAGES_PAGE_SIZE,
  useAfterMessageChange,
  useCloseConversation,
  useConversation,
  useMessageEvents,
  type Conversation,
  type Message,
} from '../api';
import { AttachmentPicker, useAttachments } from '../components/AttachmentPicker';
import { EmergencyNotice } from '../components/EmergencyNotice';
import { MessageItem } from '../components/MessageItem';
import { readSent } from '../utils/sent-state';

const SKELETONS = [{ height: '6rem' }, { height: '10rem' }, { height: '10rem' }];

type Outcome = 'replied' | 'closed' | null;

/**
 * /messages/:conversationId — the unread-message email links here. The messages in order,
 * oldest first, each with its author and time; a reply box; closing, which a later reply
 * undoes. While the page is open, live events read the conversation again and new replies
 * are announced politely.
 */
export const ConversationPage = patientPage('messages.conversation.title', ConversationRoute);

function ConversationRoute({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { conversationId = '' } = useParams();
  const location = useLocation();
  const sent = readSent(location.state);
  const conversation = useConversation(patientId, conversationId);
  const [outcome, setOutcome] = useState<Outcome>(null);
  useMessageEvents(patientId);

  return (
    <Page
      title={t('messages.conversation.title')}
      heading={
        isNotFound(conversation)
          ? t('messages.conversation.notFoundTitle')
          : (conversation.data?.subject ?? t('messages.conversation.title'))
      }
      autoFocus={sent || outcome ? false : undefined}
    >
      <QueryState
        query={conversation}
        copy="messages.conversation"
        skeletons={SKELETONS}
        notFoundText
      >
        {(data) => (
          <>
            {sent && !outcome ? (
              <Confirmation>
                <p>{t('messages.conversation.sent', { careTeam: data.careTeam })}</p>
                <p>
                  {sent.answerTime
                    ? t('messages.conversation.sentAnswerTime', { answerTime: sent.answerTime })
                    : t('messages.conversation.sentNoAnswerTime')}
                </p>
              </Confirmation>
            ) : null}
            <ConversationContent
              patientId={patientId}
              conversation={data}
              outcome={outcome}
              onOutcome={setOutcome}
            />
          </>
        )}
      </QueryState>
      <LinkList>
        <Link to={MESSAGES_PATH}>{t('messages.conversation.back')}</Link>
      </LinkList>
    </Page>
  );
}

interface ConversationContentProps {
  patientId: string;
  conversation: Conversation;
  outcome: Outcome;
  onOutcome: (outcome: Outcome) => void;
}

function ConversationContent({
  patientId,
  conversation,
  outcome,
  onOutcome,
}: ConversationContentProps) {
  const { t } = useTranslation();
  const messages = useAllMessages(patientId, conversation);
  const newest = messages.shown.at(-1);
  const status =
    conversation.status === 'closed'
      ? 'closed'
      : newest?.kind === 'staff'
        ? 'waitingForYou'
        : 'waitingForCareTeam';

  return (
    <>
      {outcome === 'replied' ? (
        <Confirmation>
          <p>{t('messages.conversation.replySent')}</p>
        </Confirmation>
      ) : outcome === 'closed' && conversation.status === 'closed' ? (
        <Confirmation>
          <p>{t('messages.conversation.closed')}</p>
        </Confirmation>
      ) : null}
      <NewReplies messages={messages.shown} />
      <dl className="ui-details messages-facts">
        <dt>{t('messages.fields.category')}</dt>
        <dd>{t(`messages.category.${conversation.category}`)}</dd>
        <dt>{t('messages.fields.careTeam')}</dt>
        <dd>{conversation.careTeam}</dd>
        <dt>{t('messages.fields.status')}</dt>
        <dd>{t(`messages.status.${status}`)}</dd>
        {conversation.about ? (
          <>
            <dt>{t('messages.fields.concerns')}</dt>
            <dd>
              <Link to={aboutPath(conversation.about)}>
                {t(`messages.conversation.aboutLink.${conversation.about.type}`)}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="conversation-messages">
        <h2 id="conversation-messages">{t('messages.conversation.messagesHeading')}</h2>
        {messages.earlierFailed ? (
          <Alert tone="error">{t('messages.conversation.earlierFailed')}</Alert>
        ) : null}
        {messages.hasEarlier ? (
          <p>
            <Button
              variant="secondary"
              busy={messages.loadingEarlier}
              onClick={messages.showEarlier}
            >
              {messages.loadingEarlier
                ? t('messages.conversation.loadingEarlier')
                : t('messages.conversation.showEarlier')}
            </Button>
          </p>
        ) : null}
        <ol className="messages-thread" aria-label={t('messages.conversation.messagesLabel')}>
          {messages.shown.map((message) => (
            <MessageItem
              key={message.id}
              patientId={patientId}
              conversationId={conversation.id}
              message={message}
            />
          ))}
        </ol>
      </section>
      <ReplyForm
        patientId={patientId}
        conversation={conversation}
        onSent={() => onOutcome('replied')}
      />
      {conversation.status === 'open' ? (
        <CloseSection
          patientId={patientId}
          conversationId={conversation.id}
          onClosed={() => onOutcome('closed')}
        />
      ) : null}
    </>
  );
}

/** Where the visit, result or medicine a conversation is about is shown. */
function aboutPath(about: NonNullable<Conversation['about']>): string {
  if (about.type === 'appointment') return appointmentPath(about.id);
  if (about.type === 'result') return resultPath(about.id);
  return MEDICATIONS_PATH;
}

/**
 * The conversation's messages oldest first: the newest page it came with, and, when asked,
 * the earlier ones (listPatientConversationMessages from its cursor). A message in both
 * (the first page moved on since) is shown once.
 */
function useAllMessages(patientId: string, conversation: Conversation) {
  const firstCursor = conversation.messages.nextCursor;
  const [wantEarlier, setWantEarlier] = useState(false);
  const earlier = $api.useInfiniteQuery(
    'get',
    '/api/v1/patients/{patientId}/conversations/{conversationId}/messages',
    {
      params: {
        path: { patientId, conversationId: conversation.id },
        query: { limit: MESSAGES_PAGE_SIZE },
      },
    },
    { ...cursorPages, initialPageParam: firstCursor, enabled: wantEarlier && firstCursor !== null },
  );
  const newestFirst = [
    ...conversation.messages.items,
    ...(wantEarlier ? (earlier.data?.pages.flatMap((page) => page.items) ?? []) : []),
  ];
  const seen = new Set<string>();
  const shown = newestFirst
    .filter((message) => (seen.has(message.id) ? false : (seen.add(message.id), true)))
    .reverse();
  return {
    shown,
    hasEarlier: firstCursor !== null && (!wantEarlier || earlier.hasNextPage || !earlier.data),
    loadingEarlier: wantEarlier && (earlier.isFetching || earlier.isFetchingNextPage),
    earlierFailed: wantEarlier && earlier.isError,
    showEarlier: () => {
      if (!wantEarlier) setWantEarlier(true);
      else if (earlier.isError && !earlier.data) void earlier.refetch();
      else if (!earlier.isFetchingNextPage) void earlier.fetchNextPage();
    },
  };
}

/**
 * A polite announcement when care-team replies arrive while the page is open (a live event
 * read the conversation again). Messages there when the page opened are not announced.
 */
function NewReplies({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  const known = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (known.current === null) {
      known.current = new Set(messages.map((message) => message.id));
      return;
    }
    const seen = known.current;
    const arrived = messages.filter((message) => !seen.has(message.id) && message.kind === 'staff');
    for (const message of messages) seen.add(message.id);
    if (arrived.length > 0) {
      setAnnouncement(
        t('messages.conversation.newReply', {
          count: arrived.length,
          name: arrived[0]?.authorName ?? '',
        }),
      );
    }
  }, [messages, t]);

  return (
    <div className="ui-visually-hidden" role="status" aria-live="polite">
      {announcement}
    </div>
  );
}

const REPLY_ID = 'reply-body';
const REPLY_FILES_ID = 'reply-files';

function ReplyForm({
  patientId,
  conversation,
  onSent,
}: {
  patientId: string;
  conversation: Conversation;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const afterChange = useAfterMessageChange();
  const reply = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/conversations/{conversationId}/messages',
  );
  // One id per reply draft: a retried send is the same reply. A new one after it is sent.
  const [clientMessageId, setClientMessageId] = useState(() => crypto.randomUUID());
  const [body, setBody] = useState('');
  const attachments = useAttachments(patientId);
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<{ body?: string; files?: string }>({});
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reply.isPending) return;
    setAttempt((count) => count + 1);
    const items: ErrorSummaryItem[] = [];
    const fields: { body?: string; files?: string } = {};
    const length = [...body].length;
    if (!body.trim()) fields.body = t('messages.reply.required');
    else if (length > MAX_BODY_CHARACTERS)
      fields.body = t('messages.reply.tooLong', {
        max: formatNumber(MAX_BODY_CHARACTERS, locale),
        count: formatNumber(length, locale),
      });
    if (fields.body) items.push({ message: fields.body, targetId: REPLY_ID });
    if (attachments.uploading) fields.files = t('messages.attachments.stillUploading');
    else if (attachments.failed) fields.files = t('messages.attachments.removeFailed');
    if (fields.files) items.push({ message: fields.files, targetId: REPLY_FILES_ID });
    setErrors(items);
    setFieldErrors(fields);
    if (items.length > 0) return;
    try {
      await reply.mutateAsync({
        params: { path: { patientId, conversationId: conversation.id } },
        body: {
          clientMessageId,
          body,
          ...(attachments.ids.length > 0 ? { attachmentIds: attachments.ids } : {}),
        },
      });
      await afterChange(conversation.id);
      setBody('');
      attachments.clear();
      setClientMessageId(crypto.randomUUID());
      onSent();
    } catch (error) {
      setErrors(
        problemItems(error, { body: REPLY_ID, attachmentIds: REPLY_FILES_ID }) ?? [
          {
            message: isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network'),
          },
        ],
      );
      if (isApiError(error)) {
        setFieldErrors({
          body: error.fieldError('body'),
          files: error.fieldError('attachmentIds'),
        });
      }
    }
  };

  return (
    <section aria-labelledby="conversation-reply" className="messages-reply">
      <h2 id="conversation-reply">{t('messages.reply.heading')}</h2>
      {conversation.status === 'closed' ? <p>{t('messages.reply.closedNote')}</p> : null}
      {errors.length > 0 ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={errors} focusKey={attempt} />
      ) : null}
      <form
        noValidate
        aria-label={t('messages.reply.heading')}
        onSubmit={(event) => void submit(event)}
      >
        <TextAreaField
          id={REPLY_ID}
          label={t('messages.reply.label')}
          hint={t('messages.reply.hint')}
          value={body}
          onChange={setBody}
          max={MAX_BODY_CHARACTERS}
          error={fieldErrors.body}
          rows={6}
        />
        <EmergencyNotice text={body} />
        <AttachmentPicker id={REPLY_FILES_ID} attachments={attachments} error={fieldErrors.files} />
        <p>{t('messages.notForEmergencies')}</p>
        <div className="ui-actions">
          <Button type="submit" busy={reply.isPending}>
            {reply.isPending ? t('messages.reply.submitting') : t('messages.reply.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function CloseSection({
  patientId,
  conversationId,
  onClosed,
}: {
  patientId: string;
  conversationId: string;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const close = useCloseConversation(patientId, conversationId);
  const [asking, setAsking] = useState(false);

  const confirm = async () => {
    try {
      await close.mutateAsync();
      setAsking(false);
      onClosed();
    } catch {
      // Said inside the dialog.
    }
  };

  return (
    <section aria-labelledby="conversation-close" className="messages-close">
      <h2 id="conversation-close">{t('messages.close.heading')}</h2>
      <p>{t('messages.close.intro')}</p>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        {t('messages.close.button')}
      </Button>
      <Dialog
        open={asking}
        role="alertdialog"
        title={t('messages.close.dialogTitle')}
        description={<p>{t('messages.close.dialogBody')}</p>}
        onEscape={() => setAsking(false)}
        actions={
          <>
            <Button variant="secondary" data-autofocus onClick={() => setAsking(false)}>
              {t('messages.close.keep')}
            </Button>
            <Button busy={close.isPending} onClick={() => void confirm()}>
              {close.isPending ? t('messages.close.closing') : t('messages.close.confirm')}
            </Button>
          </>
        }
      >
        {close.isError ? <Alert tone="error">{t('messages.close.failed')}</Alert> : null}
      </Dialog>
    </section>
  );
}
