import { isApiError } from '@portal/api-client';
import { Button, formatNumber } from '@portal/ui';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import {
  ATTACHMENT_ACCEPT,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  uploadAttachment,
  type UploadedAttachment,
} from '../api';

/** One file the patient chose: on its way, kept by the server, or refused (and why). */
export interface ChosenFile {
  key: number;
  name: string;
  size: number;
  state: 'uploading' | 'attached' | 'failed';
  uploaded?: UploadedAttachment;
  /** Why it failed, in words, shown beside the file. */
  error?: string;
}

/**
 * The files of one draft. Each is uploaded as soon as it is chosen (the message then names
 * their ids); size and count are checked first so nothing is sent that the API would refuse
 * for that, while the type is the server's call (it reads the bytes: 415 otherwise).
 */
export function useAttachments(patientId: string) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [notice, setNotice] = useState<string[]>([]);
  const nextKey = useRef(0);
  const uploads = useRef(new Map<number, AbortController>());

  useEffect(() => {
    const pending = uploads.current;
    return () => pending.forEach((controller) => controller.abort());
  }, []);

  const update = (key: number, change: Partial<ChosenFile>) =>
    setFiles((current) =>
      current.map((file) => (file.key === key ? { ...file, ...change } : file)),
    );

  const upload = async (key: number, file: File) => {
    const controller = new AbortController();
    uploads.current.set(key, controller);
    try {
      const uploaded = await uploadAttachment(patientId, file, controller.signal);
      update(key, { state: 'attached', uploaded });
    } catch (error) {
      if (controller.signal.aborted) return;
      const name = file.name;
      const message =
        isApiError(error) && error.status === 415
          ? t('messages.attachments.wrongType', { name })
          : isApiError(error) && error.status === 413
            ? t('messages.attachments.tooLarge', { name })
            : t('messages.attachments.failed', { name });
      update(key, { state: 'failed', error: message });
    } finally {
      uploads.current.delete(key);
    }
  };

  const add = (chosen: readonly File[]) => {
    const refused: string[] = [];
    const added: ChosenFile[] = [];
    let count = files.length;
    for (const file of chosen) {
      if (count >= MAX_ATTACHMENTS) {
        refused.push(t('messages.attachments.tooMany', { max: MAX_ATTACHMENTS, name: file.name }));
        continue;
      }
      if (file.size > MAX_ATTACHMENT_BYTES) {
        refused.push(t('messages.attachments.tooLarge', { name: file.name }));
        continue;
      }
      nextKey.current += 1;
      const key = nextKey.current;
      added.push({ key, name: file.name, size: file.size, state: 'uploading' });
      count += 1;
      void upload(key, file);
    }
    setNotice(refused);
    setFiles((current) => [...current, ...added]);
  };

  const remove = (key: number) => {
    uploads.current.get(key)?.abort();
    setFiles((current) => current.filter((file) => file.key !== key));
    setNotice([]);
  };

  const clear = () => {
    setFiles([]);
    setNotice([]);
  };

  return {
    files,
    notice,
    add,
    remove,
    clear,
    ids: files.flatMap((file) => (file.uploaded ? [file.uploaded.id] : [])),
    uploading: files.some((file) => file.state === 'uploading'),
    failed: files.some((file) => file.state === 'failed'),
  };
}

export type Attachments = ReturnType<typeof useAttachments>;

export interface AttachmentPickerProps {
  id: string;
  attachments: Attachments;
  /** Why the form could not be sent because of the files (still uploading, refused ones). */
  error?: string;
}

/** A size in words: "48 KB", "2.3 MB". */
export function useFileSize() {
  const locale = useFormatLocale();
  return (bytes: number): string =>
    bytes < 1024 * 1024
      ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`
      : `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`;
}

/** The file chooser and the chosen files, each with its state in words and a Remove button. */
export function AttachmentPicker({ id, attachments, error }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const size = useFileSize();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const full = attachments.files.length >= MAX_ATTACHMENTS;

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    attachments.add(Array.from(event.target.files ?? []));
    // The same file can be chosen again after it was removed.
    event.target.value = '';
  };

  return (
    <div className={error ? 'ui-field ui-field--invalid' : 'ui-field'}>
      <label className="ui-field__label" htmlFor={id}>
        {t('messages.attachments.label')}
      </label>
      <p className="ui-field__hint" id={hintId}>
        {t('messages.attachments.hint', { max: MAX_ATTACHMENTS })}
      </p>
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        className="messages-file-input"
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        disabled={full}
        onChange={onChange}
      />
      <div aria-live="polite">
        {attachments.notice.map((line) => (
          <p key={line} className="ui-field__error">
            {line}
          </p>
        ))}
      </div>
      {attachments.files.length > 0 ? (
        <ul className="messages-files" aria-label={t('messages.attachments.listLabel')}>
          {attachments.files.map((file) => (
            <li key={file.key} className="messages-file">
              <span className="messages-file__name">{file.name}</span>{' '}
              <span className="messages-file__size">({size(file.size)})</span>
              <p
                className={
                  file.state === 'failed'
                    ? 'ui-field__error messages-file__state'
                    : 'messages-file__state'
                }
                role={file.state === 'failed' ? 'alert' : undefined}
              >
                {file.state === 'uploading'
                  ? t('messages.attachments.uploading')
                  : file.state === 'attached'
                    ? t('messages.attachments.attached')
                    : file.error}
              </p>
              <Button variant="quiet" onClick={() => attachments.remove(file.key)}>
                {t('messages.attachments.remove', { name: file.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
