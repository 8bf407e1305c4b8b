import '../messages.css';
import { Alert } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { patientPage } from '../../../components/PatientOnly';
import { QueryPending } from '../../../components/QueryState';
import { ShowMore } from '../../../components/ShowMore';
import { $api, cursorPages } from '../../../lib/api-queries';
import { NEW_MESSAGE_PATH } from '../../../lib/navigation';
import { useShowMore } from '../../../lib/show-more';
import { CONVERSATIONS_PAGE_SIZE, useMessageEvents } from '../api';
import { ConversationCard, conversationHeadingId } from '../components/ConversationCard';

const LIST_SKELETONS = [{ height: '9rem' }, { height: '9rem' }, { height: '9rem' }];

/**
 * /messages — the patient's conversations with the care team, newest activity first, a care
 * team's unopened answer said in words ("New reply"). A live event refreshes the list.
 */
export const MessagesPage = patientPage('messages.title', Messages);

function Messages({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  useMessageEvents(patientId);
  return (
    <Page title={t('messages.title')}>
      <p>{t('messages.intro')}</p>
      <p>{t('messages.notForEmergencies')}</p>
      <p>
        <Link to={NEW_MESSAGE_PATH} className="ui-button ui-button--primary">
          {t('messages.newMessage')}
        </Link>
      </p>
      <ConversationList patientId={patientId} />
    </Page>
  );
}

function ConversationList({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const list = $api.useInfiniteQuery(
    'get',
    '/api/v1/patients/{patientId}/conversations',
    { params: { path: { patientId }, query: { limit: CONVERSATIONS_PAGE_SIZE } } },
    cursorPages,
  );
  const showMore = useShowMore(list, conversationHeadingId);

  if (!list.data) {
    return <QueryPending query={list} copy="messages.list" skeletons={LIST_SKELETONS} />;
  }
  const conversations = list.data.pages.flatMap((page) => page.items);
  if (conversations.length === 0) {
    return (
      <Alert tone="info" announce={false}>
        <p>{t('messages.list.empty')}</p>
        <p>
          <Link to={NEW_MESSAGE_PATH}>{t('messages.newMessage')}</Link>
        </p>
      </Alert>
    );
  }
  return (
    <>
      <ol className="ui-stack" aria-label={t('messages.list.label')}>
        {conversations.map((conversation, index) => (
          <ConversationCard key={conversation.id} conversation={conversation} index={index} />
        ))}
      </ol>
      <ShowMore list={list} copy="messages.list" onShowMore={showMore} />
    </>
  );
}
