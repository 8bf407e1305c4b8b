import { deviceTimeZone, formatDateTime } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../../components/DownloadButton';
import { useFormatLocale } from '../../../lib/i18n';
import { useDownloadAttachment, type Attachment, type Message } from '../api';
import { linkify } from '../utils/linkify';
import { useFileSize } from './AttachmentPicker';

export interface MessageItemProps {
  patientId: string;
  conversationId: string;
  message: Message;
}

/**
 * One message: who wrote it (the patient, or the care-team member by name), when, its text as
 * written (web addresses linked, nothing else interpreted) and its files to download.
 */
export function MessageItem({ patientId, conversationId, message }: MessageItemProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const fromPatient = message.kind === 'patient';
  return (
    <li
      className={fromPatient ? 'messages-message' : 'messages-message messages-message--care-team'}
    >
      <article aria-labelledby={`message-${message.id}`}>
        <h3 id={`message-${message.id}`} className="messages-message__author">
          {fromPatient
            ? t('messages.conversation.you')
            : t('messages.conversation.careTeamAuthor', { name: message.authorName })}
        </h3>
        <p className="messages-message__when">
          {t('messages.conversation.sentAt')}{' '}
          <time dateTime={message.sentAt}>
            {formatDateTime(message.sentAt, deviceTimeZone(), locale)}
          </time>
        </p>
        <p className="messages-message__body">
          {linkify(message.body, t('messages.conversation.newTab'))}
        </p>
        {message.attachments.length > 0 ? (
          <>
            <h4 className="messages-message__files-title">
              {t('messages.conversation.attachments')}
            </h4>
            <ul className="messages-files">
              {message.attachments.map((attachment) => (
                <AttachmentDownload
                  key={attachment.id}
                  patientId={patientId}
                  conversationId={conversationId}
                  attachment={attachment}
                />
              ))}
            </ul>
          </>
        ) : null}
      </article>
    </li>
  );
}

function AttachmentDownload({
  patientId,
  conversationId,
  attachment,
}: {
  patientId: string;
  conversationId: string;
  attachment: Attachment;
}) {
  const { t } = useTranslation();
  const size = useFileSize();
  const download = useDownloadAttachment(patientId, conversationId, attachment);
  const type = t(`messages.fileTypes.${attachment.contentType}`);
  return (
    <li className="messages-file">
      <DownloadButton
        label={t('messages.conversation.download', { name: attachment.fileName })}
        hint={t('messages.conversation.fileFacts', { type, size: size(attachment.sizeBytes) })}
        pending={download.isPending}
        failed={download.isError}
        onDownload={() => download.mutate()}
      />
    </li>
  );
}
