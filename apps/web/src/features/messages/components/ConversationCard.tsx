import { deviceTimeZone, formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { conversationPath } from '../../../lib/navigation';
import type { ConversationItem } from '../api';

export function conversationHeadingId(index: number): string {
  return `conversation-card-${index}`;
}

/**
 * One conversation in the list: its subject as a link, "New reply" in words while a care-team
 * answer is unopened, what it is about, who reads it, when the last message came and whether
 * it is open or closed.
 */
export function ConversationCard({
  conversation,
  index,
}: {
  conversation: ConversationItem;
  index: number;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <li
      className={
        conversation.unread
          ? 'ui-card messages-card messages-card--unread'
          : 'ui-card messages-card'
      }
    >
      <h2 id={conversationHeadingId(index)} tabIndex={-1} className="messages-card__title">
        <Link to={conversationPath(conversation.id)}>{conversation.subject}</Link>
        {conversation.unread ? (
          <>
            {' '}
            <span className="ui-badge messages-unread">{t('messages.unread')}</span>
          </>
        ) : null}
      </h2>
      <dl className="ui-details">
        <dt>{t('messages.fields.category')}</dt>
        <dd>{t(`messages.category.${conversation.category}`)}</dd>
        <dt>{t('messages.fields.careTeam')}</dt>
        <dd>{conversation.careTeam}</dd>
        <dt>{t('messages.fields.lastMessage')}</dt>
        <dd>
          <time dateTime={conversation.lastMessageAt}>
            {formatDateTime(conversation.lastMessageAt, deviceTimeZone(), locale)}
          </time>
        </dd>
        <dt>{t('messages.fields.status')}</dt>
        <dd>{t(`messages.status.${conversation.status}`)}</dd>
      </dl>
    </li>
  );
}
