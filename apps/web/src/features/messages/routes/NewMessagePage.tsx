import '../messages.css';
import { isApiError } from '@portal/api-client';
import { Button, ErrorSummary, formatNumber, TextField, type ErrorSummaryItem } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import { useNavigate } from 'react-router';
import { Page } from '../../../components/Page';
import { patientPage } from '../../../components/PatientOnly';
import { QueryState } from '../../../components/QueryState';
import { TextAreaField } from '../../../components/TextAreaField';
import { $api } from '../../../lib/api-queries';
import { problemItems } from '../../../lib/form-problems';
import { conversationPath } from '../../../lib/navigation';
import {
  MAX_BODY_CHARACTERS,
  MAX_SUBJECT_CHARACTERS,
  useAfterMessageChange,
  type MessageCategory,
  type MessageCategoryView,
} from '../api';
import { AboutPicker, type AboutChoice } from '../components/AboutPicker';
import { AttachmentPicker, useAttachments } from '../components/AttachmentPicker';
import { EmergencyNotice } from '../components/EmergencyNotice';
import { sentState } from '../utils/sent-state';

const IDS = {
  category: (category: MessageCategory) => `message-category-${category}`,
  aboutPrefix: 'message-about',
  aboutItem: 'message-about-item',
  subject: 'message-subject',
  body: 'message-body',
  files: 'message-files',
} as const;

/** The API's field names, to the fields that hold them. */
const TARGETS: Record<string, string> = {
  subject: IDS.subject,
  body: IDS.body,
  attachmentIds: IDS.files,
  about: IDS.aboutItem,
  'about.id': IDS.aboutItem,
};

type FieldErrors = Partial<Record<'category' | 'about' | 'subject' | 'body' | 'files', string>>;

const CATEGORY_SKELETONS = [{ height: '16rem' }];

/**
 * /messages/new — what it is about (the category decides who reads it, and the page says who
 * and how soon before sending), subject, text and files. Words that may mean an emergency
 * bring up where to get help now; they never block sending. The draft's id is made once, so
 * a retried send never posts twice.
 */
export const NewMessagePage = patientPage('messages.new.title', NewMessage);

function NewMessage({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const categories = $api.useQuery('get', '/api/v1/patients/{patientId}/message-categories', {
    params: { path: { patientId } },
  });
  return (
    <Page title={t('messages.new.title')}>
      <p>{t('messages.new.intro')}</p>
      <QueryState
        query={categories}
        copy="messages.new"
        loadingLabel={t('messages.new.categoriesLoading')}
        skeletons={CATEGORY_SKELETONS}
      >
        {(data) => <NewMessageForm patientId={patientId} categories={data.items} />}
      </QueryState>
    </Page>
  );
}

function NewMessageForm({
  patientId,
  categories,
}: {
  patientId: string;
  categories: MessageCategoryView[];
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const navigate = useNavigate();
  const afterChange = useAfterMessageChange();
  const start = $api.useMutation('post', '/api/v1/patients/{patientId}/conversations');
  // One id per draft: a retry after a lost answer is the same message, never a second one.
  const [clientMessageId] = useState(() => crypto.randomUUID());
  const [category, setCategory] = useState<MessageCategory | null>(null);
  const [about, setAbout] = useState<AboutChoice>({ type: '', id: '' });
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const attachments = useAttachments(patientId);
  const [errors, setErrors] = useState<ErrorSummaryItem[]>([]);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const chosen = categories.find((item) => item.category === category);

  const check = (): { items: ErrorSummaryItem[]; fields: FieldErrors } => {
    const items: ErrorSummaryItem[] = [];
    const fields: FieldErrors = {};
    const add = (field: keyof FieldErrors, message: string, targetId: string) => {
      fields[field] = message;
      items.push({ message, targetId });
    };
    const firstAvailable = categories.find((item) => item.available)?.category ?? 'other';
    if (!category)
      add('category', t('messages.new.categoryRequired'), IDS.category(firstAvailable));
    if (about.type && !about.id) add('about', t('messages.new.aboutItemRequired'), IDS.aboutItem);
    if (!subject.trim()) add('subject', t('messages.new.subjectRequired'), IDS.subject);
    else if ([...subject].length > MAX_SUBJECT_CHARACTERS)
      add('subject', t('messages.new.subjectTooLong'), IDS.subject);
    const length = [...body].length;
    if (!body.trim()) add('body', t('messages.new.bodyRequired'), IDS.body);
    else if (length > MAX_BODY_CHARACTERS)
      add(
        'body',
        t('messages.new.bodyTooLong', {
          max: formatNumber(MAX_BODY_CHARACTERS, locale),
          count: formatNumber(length, locale),
        }),
        IDS.body,
      );
    if (attachments.uploading) add('files', t('messages.attachments.stillUploading'), IDS.files);
    else if (attachments.failed) add('files', t('messages.attachments.removeFailed'), IDS.files);
    return { items, fields };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (start.isPending) return;
    setAttempt((count) => count + 1);
    const { items, fields } = check();
    setErrors(items);
    setFieldErrors(fields);
    if (items.length > 0 || !category) return;
    try {
      const conversation = await start.mutateAsync({
        params: { path: { patientId } },
        body: {
          clientMessageId,
          category,
          about: about.type && about.id ? { type: about.type, id: about.id } : null,
          subject: subject.trim(),
          body,
          ...(attachments.ids.length > 0 ? { attachmentIds: attachments.ids } : {}),
        },
      });
      await afterChange(conversation.id);
      navigate(conversationPath(conversation.id), {
        replace: true,
        flushSync: true,
        state: sentState({ kind: 'sent', answerTime: chosen?.answerTimeText ?? null }),
      });
    } catch (error) {
      const items = problemItems(error, TARGETS) ?? [
        { message: isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network') },
      ];
      setErrors(items);
      if (isApiError(error)) {
        setFieldErrors({
          subject: error.fieldError('subject'),
          body: error.fieldError('body'),
          files: error.fieldError('attachmentIds'),
          about: error.fieldError('about') ?? error.fieldError('about.id'),
        });
      }
    }
  };

  return (
    <>
      {errors.length > 0 ? (
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={errors} focusKey={attempt} />
      ) : null}
      <form
        noValidate
        aria-label={t('messages.new.formLabel')}
        onSubmit={(event) => void submit(event)}
      >
        <div className={fieldErrors.category ? 'ui-field ui-field--invalid' : 'ui-field'}>
          <fieldset
            className="messages-fieldset"
            aria-describedby={fieldErrors.category ? 'message-category-error' : undefined}
          >
            <legend className="ui-field__label">{t('messages.new.categoryLegend')}</legend>
            {fieldErrors.category ? (
              <p className="ui-field__error" id="message-category-error">
                {fieldErrors.category}
              </p>
            ) : null}
            {categories.map((item) => (
              <div key={item.category} className="messages-choice">
                <input
                  type="radio"
                  id={IDS.category(item.category)}
                  name="category"
                  value={item.category}
                  disabled={!item.available}
                  checked={category === item.category}
                  onChange={() => setCategory(item.category)}
                />
                <label htmlFor={IDS.category(item.category)}>
                  {item.available
                    ? t(`messages.category.${item.category}`)
                    : t('messages.new.categoryUnavailable', {
                        label: t(`messages.category.${item.category}`),
                      })}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <AboutPicker
          patientId={patientId}
          idPrefix={IDS.aboutPrefix}
          value={about}
          onChange={setAbout}
          error={fieldErrors.about}
        />
        <TextField
          id={IDS.subject}
          name="subject"
          label={t('messages.new.subjectLabel')}
          hint={t('messages.new.subjectHint')}
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
          error={fieldErrors.subject}
          autoComplete="off"
        />
        <TextAreaField
          id={IDS.body}
          label={t('messages.new.bodyLabel')}
          hint={t('messages.new.bodyHint')}
          value={body}
          onChange={setBody}
          max={MAX_BODY_CHARACTERS}
          error={fieldErrors.body}
          rows={8}
        />
        <EmergencyNotice text={`${subject}\n${body}`} />
        <AttachmentPicker id={IDS.files} attachments={attachments} error={fieldErrors.files} />
        <section className="ui-card messages-before" aria-labelledby="message-before-sending">
          <h2 id="message-before-sending">{t('messages.new.beforeSending')}</h2>
          <div aria-live="polite">{chosen ? <WhoReads category={chosen} /> : null}</div>
          <p>{t('messages.notForEmergencies')}</p>
        </section>
        <div className="ui-actions">
          <Button type="submit" busy={start.isPending}>
            {start.isPending ? t('messages.new.submitting') : t('messages.new.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Who reads a message of this category, and how soon they usually answer. */
function WhoReads({ category }: { category: MessageCategoryView }) {
  const { t } = useTranslation();
  return (
    <p>
      {category.careTeam
        ? t('messages.new.whoReads', { careTeam: category.careTeam })
        : t('messages.new.whoReadsUnknown')}
      {category.answerTimeText ? ` ${category.answerTimeText}.` : null}
    </p>
  );
}
