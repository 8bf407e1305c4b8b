import { Button } from '@portal/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FlashAlert } from '../../../components/FlashAlert';
import { Page } from '../../../components/Page';
import { QueryView } from '../../../components/QueryView';
import '../../../components/sections.css';
import { StatusBadge } from '../../../components/StatusBadge';
import { useCanUse } from '../../../lib/access';
import { $api, invalidatePaths } from '../../../lib/api';
import { INBOX_PATH, patientPath } from '../../../lib/paths';
import {
  CONVERSATION,
  COUNTS,
  LIST,
  useEarlierMessages,
  useInboxEvents,
  type Conversation,
} from '../api/inbox';
import { AnswerClock } from '../components/AnswerClock';
import { Composer } from '../components/Composer';
import { ConversationActions } from '../components/ConversationActions';
import { MessageList } from '../components/MessageList';
import '../inbox.css';

function Facts({ conversation, now }: { conversation: Conversation; now: number }) {
  const { t } = useTranslation();
  const linkPatient = useCanUse('patients');
  const { patient } = conversation;
  return (
    <ul className="admin-record-facts" aria-label={t('inbox.conversation.factsLabel')}>
      <li>
        {t('inbox.table.patient')}:{' '}
        <strong>
          {linkPatient ? <Link to={patientPath(patient.id)}>{patient.name}</Link> : patient.name}
        </strong>{' '}
        <span className="admin-muted">
          {t('inbox.mrn')} <span className="admin-mono">{patient.mrn}</span>
        </span>
      </li>
      <li>
        {t('inbox.table.category')}: <strong>{t(`inbox.category.${conversation.category}`)}</strong>
      </li>
      <li>
        {t('inbox.table.pool')}: <strong>{conversation.pool.name}</strong>
      </li>
      <li>
        {t('inbox.table.assignee')}:{' '}
        <strong>{conversation.assignee?.name ?? t('inbox.nobody')}</strong>
      </li>
      <li>
        {t('inbox.conversation.status')}:{' '}
        <StatusBadge tone={conversation.status === 'open' ? 'info' : 'neutral'}>
          {t(`inbox.status.${conversation.status}`)}
        </StatusBadge>
      </li>
      <li>
        {t('inbox.table.answerTime')}: <AnswerClock item={conversation} now={now} />
      </li>
    </ul>
  );
}

function ConversationBody({ conversation, now }: { conversation: Conversation; now: number }) {
  const { t } = useTranslation();
  const canReply = useCanUse('inboxReply');
  const [wantEarlier, setWantEarlier] = useState(false);
  const firstCursor = conversation.messages.nextCursor;
  const earlier = useEarlierMessages(conversation.id, firstCursor, wantEarlier);
  // Newest first from the API; read oldest first.
  const newestFirst = [
    ...conversation.messages.items,
    ...(earlier.data?.pages.flatMap((page) => page.items) ?? []),
  ];
  const messages = [...newestFirst].reverse();
  const hasEarlier = wantEarlier ? earlier.hasNextPage : Boolean(firstCursor);

  return (
    <>
      <Facts conversation={conversation} now={now} />
      {canReply ? <ConversationActions conversation={conversation} /> : null}
      <section aria-labelledby="messages-heading">
        <h2 id="messages-heading">{t('inbox.conversation.messages')}</h2>
        {hasEarlier ? (
          <p>
            <Button
              variant="secondary"
              busy={earlier.isFetching}
              onClick={() => (wantEarlier ? void earlier.fetchNextPage() : setWantEarlier(true))}
            >
              {t('inbox.conversation.earlier')}
            </Button>
          </p>
        ) : null}
        {earlier.isError ? <ApiErrorAlert error={earlier.error} /> : null}
        <MessageList conversationId={conversation.id} messages={messages} />
      </section>
      {canReply ? (
        <Composer conversationId={conversation.id} patientName={conversation.patient.name} />
      ) : null}
    </>
  );
}

/**
 * One conversation: who and what it is about, where it sits and who has it, the messages and
 * internal notes in order, and the reply or note composer. Opening it marks it read, so the
 * inbox's unread counts are read again.
 */
export function ConversationPage() {
  const { t } = useTranslation();
  const { conversationId = '' } = useParams();
  const queryClient = useQueryClient();
  useInboxEvents();
  const conversation = $api.useQuery('get', CONVERSATION, {
    params: { path: { conversationId } },
  });
  const openedId = conversation.data?.id;
  useEffect(() => {
    if (openedId) void invalidatePaths(queryClient, LIST, COUNTS);
  }, [openedId, queryClient]);

  return (
    <Page
      title={t('inbox.conversation.title')}
      heading={conversation.data?.subject ?? t('inbox.conversation.title')}
    >
      <p>
        <Link to={INBOX_PATH}>{t('inbox.conversation.back')}</Link>
      </p>
      <FlashAlert />
      <QueryView
        query={conversation}
        loadingLabel={t('inbox.conversation.loading')}
        skeletons={['3rem', '6rem', '6rem']}
      >
        {(data) => (
          <ConversationBody conversation={data} now={conversation.dataUpdatedAt || Date.now()} />
        )}
      </QueryView>
    </Page>
  );
}
