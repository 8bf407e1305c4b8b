import { Button, formatNumber } from '@portal/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMessage } from '../../../components/ActionMessage';
import { FormProblems } from '../../../components/FormProblems';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { $api } from '../../../lib/api';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { useFormatLocale } from '../../../lib/i18n';
import { MAX_BODY, MESSAGES, TEMPLATES, useConversationChange } from '../api/inbox';

type Kind = 'reply' | 'note';
type Field = 'body' | 'kind';
const FIELDS: readonly Field[] = ['body', 'kind'];

function fieldId(field: Field): string {
  return `composer-${field}`;
}

/**
 * Writing to the conversation: a reply the patient reads, or an internal note only staff see.
 * Each draft keeps one client id until it is sent, so a retry after a lost answer is not
 * posted twice. A reply template drops its text, filled in for this patient, into the draft.
 */
export function Composer({
  conversationId,
  patientName,
}: {
  conversationId: string;
  patientName: string;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [kind, setKind] = useState<Kind>('reply');
  const [body, setBody] = useState('');
  const [clientMessageId, setClientMessageId] = useState(() => crypto.randomUUID());
  const [templateId, setTemplateId] = useState('');
  const [sent, setSent] = useState<{ kind: Kind; key: number } | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const post = $api.useMutation('post', MESSAGES, useConversationChange(conversationId));
  const templates = $api.useQuery('get', TEMPLATES, {
    params: { path: { conversationId } },
  });
  const templateItems = templates.data?.items ?? [];

  const insertTemplate = () => {
    const template = templateItems.find((item) => item.id === templateId) ?? templateItems[0];
    if (!template) return;
    setBody((current) =>
      current.trim() ? `${current.trimEnd()}\n\n${template.text}` : template.text,
    );
    bodyRef.current?.focus();
  };

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<Field, string>> = {};
        if (!body.trim()) hints.body = t('inbox.composer.errors.empty');
        else if (body.length > MAX_BODY) hints.body = t('inbox.composer.errors.tooLong');
        return hints;
      },
      async () => {
        await post.mutateAsync({
          params: { path: { conversationId } },
          body: { clientMessageId, kind, body },
        });
        setBody('');
        setClientMessageId(crypto.randomUUID());
        setSent((previous) => ({ kind, key: (previous?.key ?? 0) + 1 }));
      },
    );

  const left = MAX_BODY - body.length;
  return (
    <section aria-labelledby="composer-heading" className="inbox-composer">
      <h2 id="composer-heading">{t('inbox.composer.heading')}</h2>
      {sent ? (
        <ActionMessage focusKey={sent.key}>
          {sent.kind === 'reply'
            ? t('inbox.composer.sentReply', { name: patientName })
            : t('inbox.composer.sentNote')}
        </ActionMessage>
      ) : null}
      <FormProblems {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-label={t('inbox.composer.heading')}
        onSubmit={(event) => void submit(event)}
      >
        <fieldset className="admin-fieldset" id={fieldId('kind')}>
          <legend>{t('inbox.composer.mode')}</legend>
          <div className="admin-checks">
            {(['reply', 'note'] as const).map((value) => (
              <label key={value} className="admin-check">
                <input
                  type="radio"
                  name="kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                />
                <span>{t(`inbox.composer.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {kind === 'note' ? (
          <p className="inbox-note-warning">{t('inbox.composer.noteHint')}</p>
        ) : null}
        {templateItems.length > 0 ? (
          <div className="inbox-templates">
            <SelectField
              id="composer-template"
              name="template"
              label={t('inbox.composer.template')}
              value={templateId || templateItems[0]?.id}
              options={templateItems.map((item) => ({ value: item.id, label: item.name }))}
              onChange={(event) => setTemplateId(event.target.value)}
            />
            <Button variant="secondary" onClick={insertTemplate}>
              {t('inbox.composer.insert')}
            </Button>
          </div>
        ) : null}
        <TextAreaField
          ref={bodyRef}
          id={fieldId('body')}
          name="body"
          label={
            kind === 'reply'
              ? t('inbox.composer.replyLabel', { name: patientName })
              : t('inbox.composer.noteLabel')
          }
          hint={t('inbox.composer.hint', {
            max: formatNumber(MAX_BODY, locale),
            left: formatNumber(left, locale),
          })}
          rows={8}
          value={body}
          error={problems.errors.body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl+Enter (⌘+Enter on a Mac) sends, as in most mail and chat tools.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <div className="ui-actions">
          <Button type="submit" busy={form.busy}>
            {form.busy
              ? t('common.sending')
              : kind === 'reply'
                ? t('inbox.composer.sendReply')
                : t('inbox.composer.addNote')}
          </Button>
        </div>
      </form>
    </section>
  );
}
