import { TextField } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { FormProblems } from '../../../components/FormProblems';
import { TextAreaField } from '../../../components/TextAreaField';
import '../../../components/sections.css';
import '../clinic-settings.css';
import { $api } from '../../../lib/api';
import { sameField, useFormProblems, useFormSubmit } from '../../../lib/form-problems';
import { useCurrentSession } from '../../../lib/session';
import type { ReplyTemplate } from '../api/clinic-settings';
import { CLINIC_REPLY_TEMPLATES_PATH } from '../utils/paths';
import { fillTemplate, TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from '../utils/reply-template';

/** The API's limit on a template's text. */
const MAX_BODY = 10_000;

export interface ReplyTemplateFormValues {
  name: string;
  body: string;
}

type Field = keyof ReplyTemplateFormValues;
const FIELDS: readonly Field[] = ['name', 'body'];

function fieldId(field: Field): string {
  return `reply-template-${field}`;
}

export function replyTemplateFormValues(template?: ReplyTemplate): ReplyTemplateFormValues {
  return { name: template?.name ?? '', body: template?.body ?? '' };
}

export interface ReplyTemplateFormProps {
  label: string;
  initialValues: ReplyTemplateFormValues;
  submitLabel: string;
  /** The name trimmed; the text as written (its line breaks matter). */
  onSubmit: (values: ReplyTemplateFormValues) => Promise<unknown>;
}

/**
 * A reply template: its name and text, the placeholders the text may use, and a preview with
 * sample values in place of them (shown as plain text, as the reply will be).
 */
export function ReplyTemplateForm({
  label,
  initialValues,
  submitLabel,
  onSubmit,
}: ReplyTemplateFormProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  // The header reads the clinic once; the preview uses the same answer.
  const clinic = $api.useQuery('get', '/api/v1/clinic', {}, { staleTime: Infinity });
  const [values, setValues] = useState(initialValues);
  const problems = useFormProblems(FIELDS, fieldId);
  const form = useFormSubmit(problems, sameField(FIELDS));
  const { errors } = problems;

  const set = (changes: Partial<ReplyTemplateFormValues>) =>
    setValues((current) => ({ ...current, ...changes }));

  const submit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      () => {
        const hints: Partial<Record<Field, string>> = {};
        if (!values.name.trim()) hints.name = t('clinicSettings.replyTemplates.errors.name');
        const unknown = unknownPlaceholders(values.body);
        if (!values.body.trim()) hints.body = t('clinicSettings.replyTemplates.errors.body');
        else if (unknown.length > 0) {
          hints.body = t('clinicSettings.replyTemplates.errors.unknownPlaceholder', {
            count: unknown.length,
            names: unknown.map((name) => `{{${name}}}`).join(', '),
          });
        }
        return hints;
      },
      () => onSubmit({ name: values.name.trim(), body: values.body }),
    );

  const preview = fillTemplate(values.body, {
    patientFirstName: t('clinicSettings.replyTemplates.samples.patientFirstName'),
    staffName: user.displayName,
    poolName: t('clinicSettings.replyTemplates.samples.poolName'),
    clinicName: clinic.data?.name ?? t('clinicSettings.replyTemplates.samples.clinicName'),
  });

  return (
    <>
      <FormProblems {...problems} />
      <form
        className="admin-form"
        noValidate
        aria-label={label}
        onSubmit={(event) => void submit(event)}
      >
        <TextField
          id={fieldId('name')}
          name="name"
          label={t('clinicSettings.replyTemplates.fields.name')}
          hint={t('clinicSettings.replyTemplates.nameHint')}
          autoComplete="off"
          maxLength={100}
          value={values.name}
          error={errors.name}
          onChange={(event) => set({ name: event.target.value })}
        />
        <TextAreaField
          id={fieldId('body')}
          name="body"
          label={t('clinicSettings.replyTemplates.fields.body')}
          hint={t('clinicSettings.replyTemplates.bodyHint')}
          rows={8}
          maxLength={MAX_BODY}
          value={values.body}
          error={errors.body}
          onChange={(event) => set({ body: event.target.value })}
        />
        <section aria-labelledby="reply-template-placeholders" className="admin-fieldset">
          <h2 id="reply-template-placeholders">
            {t('clinicSettings.replyTemplates.placeholders.title')}
          </h2>
          <p>{t('clinicSettings.replyTemplates.placeholders.intro')}</p>
          <dl className="admin-placeholders">
            {TEMPLATE_PLACEHOLDERS.map((name) => (
              <div key={name}>
                <dt>
                  <code>{`{{${name}}}`}</code>
                </dt>
                <dd>{t(`clinicSettings.replyTemplates.placeholders.${name}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="reply-template-preview" className="admin-fieldset">
          <h2 id="reply-template-preview">{t('clinicSettings.replyTemplates.preview.title')}</h2>
          <p className="admin-muted">{t('clinicSettings.replyTemplates.preview.intro')}</p>
          {preview.trim() ? (
            <p className="admin-template-preview">{preview}</p>
          ) : (
            <p>{t('clinicSettings.replyTemplates.preview.empty')}</p>
          )}
        </section>
        <FormActions busy={form.busy} label={submitLabel} cancelTo={CLINIC_REPLY_TEMPLATES_PATH} />
      </form>
    </>
  );
}
