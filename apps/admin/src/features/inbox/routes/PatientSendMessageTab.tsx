import { Button, TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormProblems } from '../../../components/FormProblems';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { $api } from '../../../lib/api';
import { flashState } from '../../../lib/flash';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { conversationPath } from '../../../lib/paths';
import { patientFullName, usePatientRecord } from '../../../lib/patient-record';
import {
  MAX_BODY,
  MESSAGE_CATEGORIES,
  POOLS,
  refreshConversations,
  type MessageCategory,
} from '../api/inbox';
import { useQueryClient } from '@tanstack/react-query';

type Field = 'subject' | 'category' | 'poolId' | 'body';
const FIELDS: readonly Field[] = ['subject', 'category', 'poolId', 'body'];
const MAX_SUBJECT = 200;

function fieldId(field: Field): string {
  return `start-conversation-${field}`;
}

/**
 * The patient record's "Send a message" tab: a new conversation with the patient, which they
 * read in their portal. It is assigned to its author, in the chosen pool or the one the
 * category goes to, and opens in the inbox once sent.
 */
export function PatientSendMessageTab() {
  const { t } = useTranslation();
  const patient = usePatientRecord();
  const name = patientFullName(patient);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pools = $api.useQuery('get', POOLS);
  const start = $api.useMutation('post', '/api/v1/patients/{patientId}/care-team-conversations');
  const [values, setValues] = useState({
    subject: '',
    category: '' as MessageCategory | '',
    poolId: '',
    body: '',
  });
  const [clientMessageId] = useState(() => crypto.randomUUID());
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const { errors } = problems;
  const set = (changes: Partial<typeof values>) =>
    setValues((current) => ({ ...current, ...changes }));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<Field, string>> = {};
        if (!values.subject.trim()) hints.subject = t('inbox.start.errors.subject');
        else if (values.subject.length > MAX_SUBJECT) {
          hints.subject = t('inbox.start.errors.subjectLong');
        }
        if (!values.category) hints.category = t('inbox.start.errors.category');
        if (!values.body.trim()) hints.body = t('inbox.composer.errors.empty');
        else if (values.body.length > MAX_BODY) hints.body = t('inbox.composer.errors.tooLong');
        return hints;
      },
      async () => {
        const conversation = await start.mutateAsync({
          params: { path: { patientId: patient.id } },
          body: {
            clientMessageId,
            category: values.category as MessageCategory,
            subject: values.subject.trim(),
            body: values.body,
            ...(values.poolId ? { poolId: values.poolId } : {}),
          },
        });
        void refreshConversations(queryClient);
        void navigate(conversationPath(conversation.id), {
          state: flashState(t('inbox.start.sent', { name })),
        });
      },
    );

  return (
    <section aria-labelledby="send-message-heading">
      <h2 id="send-message-heading">{t('inbox.start.title')}</h2>
      <p>{t('inbox.start.intro', { name })}</p>
      <FormProblems {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-label={t('inbox.start.title')}
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          id={fieldId('subject')}
          name="subject"
          label={t('inbox.start.subject')}
          autoComplete="off"
          maxLength={MAX_SUBJECT}
          value={values.subject}
          error={errors.subject}
          onChange={(event) => set({ subject: event.target.value })}
        />
        <div className="admin-form-grid">
          <SelectField
            id={fieldId('category')}
            name="category"
            label={t('inbox.start.category')}
            value={values.category}
            error={errors.category}
            options={[
              { value: '', label: t('inbox.start.chooseCategory') },
              ...MESSAGE_CATEGORIES.map((category) => ({
                value: category,
                label: t(`inbox.category.${category}`),
              })),
            ]}
            onChange={(event) => set({ category: event.target.value as MessageCategory | '' })}
          />
          <SelectField
            id={fieldId('poolId')}
            name="poolId"
            label={t('inbox.start.pool')}
            hint={t('inbox.start.poolHint')}
            value={values.poolId}
            error={errors.poolId}
            options={[
              { value: '', label: t('inbox.start.routedPool') },
              ...(pools.data?.items ?? [])
                .filter((pool) => pool.active)
                .map((pool) => ({ value: pool.id, label: pool.name })),
            ]}
            onChange={(event) => set({ poolId: event.target.value })}
          />
        </div>
        <TextAreaField
          id={fieldId('body')}
          name="body"
          label={t('inbox.start.body', { name })}
          hint={t('inbox.start.bodyHint')}
          rows={8}
          value={values.body}
          error={errors.body}
          onChange={(event) => set({ body: event.target.value })}
        />
        <div className="ui-actions">
          <Button type="submit" busy={form.busy}>
            {form.busy ? t('common.sending') : t('inbox.start.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
