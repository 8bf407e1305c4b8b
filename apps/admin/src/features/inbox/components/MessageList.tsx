import { useTranslation } from 'react-i18next';
import { formatNumber } from '@portal/ui';
import { Time } from '../../../components/Time';
import { useFormatLocale } from '../../../lib/i18n';
import { attachmentUrl, type Attachment, type Message } from '../api/inbox';
import { linkify } from '../utils/linkify';

const FILE_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
};

function FileLink({ conversationId, file }: { conversationId: string; file: Attachment }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const size =
    file.sizeBytes >= 1_048_576
      ? t('inbox.files.mb', {
          size: formatNumber(Math.round((file.sizeBytes / 1_048_576) * 10) / 10, locale),
        })
      : t('inbox.files.kb', { size: formatNumber(Math.ceil(file.sizeBytes / 1024), locale) });
  return (
    <a href={attachmentUrl(conversationId, file.id)} download={file.fileName}>
      {t('inbox.files.download', { name: file.fileName })}
      <span className="admin-muted">
        {' '}
        ({FILE_TYPES[file.contentType] ?? file.contentType}, {size})
      </span>
    </a>
  );
}

/**
 * The conversation, oldest first. Internal notes say in words that patients never see them and
 * stand apart by a dashed border and their own background, not by colour alone.
 */
export function MessageList({
  conversationId,
  messages,
}: {
  conversationId: string;
  messages: readonly Message[];
}) {
  const { t } = useTranslation();
  return (
    <ol className="inbox-messages">
      {messages.map((message) => (
        <li key={message.id}>
          <article
            className={`inbox-message inbox-message--${message.kind}`}
            aria-labelledby={`message-${message.id}`}
          >
            <header className="inbox-message__header" id={`message-${message.id}`}>
              <strong>{message.authorName}</strong>{' '}
              <span className="inbox-message__kind">{t(`inbox.kind.${message.kind}`)}</span>{' '}
              <span className="admin-muted">
                <Time value={message.sentAt} />
              </span>
            </header>
            <p className="inbox-message__body">{linkify(message.body)}</p>
            {message.attachments.length > 0 ? (
              <ul className="inbox-message__files" aria-label={t('inbox.files.label')}>
                {message.attachments.map((file) => (
                  <li key={file.id}>
                    <FileLink conversationId={conversationId} file={file} />
                  </li>
                ))}
              </ul>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
