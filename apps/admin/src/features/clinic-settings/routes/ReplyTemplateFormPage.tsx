import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { $api } from '../../../lib/api';
import {
  useReplyTemplateChange,
  useReplyTemplates,
  type UpdateReplyTemplateRequest,
} from '../api/clinic-settings';
import {
  CatalogEntryUnavailable,
  sendChanges,
  useBackWithMessage,
} from '../components/CatalogFormStates';
import {
  ReplyTemplateForm,
  replyTemplateFormValues,
  type ReplyTemplateFormValues,
} from '../components/ReplyTemplateForm';
import { CLINIC_REPLY_TEMPLATES_PATH } from '../utils/paths';

/** Only what changed. */
function changes(
  before: ReplyTemplateFormValues,
  after: ReplyTemplateFormValues,
): UpdateReplyTemplateRequest {
  const body: UpdateReplyTemplateRequest = {};
  if (after.name !== before.name) body.name = after.name;
  if (after.body !== before.body) body.body = after.body;
  return body;
}

/** Adds a reply template, or changes one (`/settings/clinic/reply-templates/:templateId`). */
export function ReplyTemplateFormPage() {
  const { t } = useTranslation();
  const { templateId } = useParams();
  const templates = useReplyTemplates();
  const create = $api.useMutation('post', '/api/v1/reply-templates', useReplyTemplateChange());
  const update = $api.useMutation(
    'patch',
    '/api/v1/reply-templates/{templateId}',
    useReplyTemplateChange(),
  );
  const title = templateId
    ? t('clinicSettings.replyTemplates.editTitle')
    : t('clinicSettings.replyTemplates.newTitle');

  const done = useBackWithMessage(CLINIC_REPLY_TEMPLATES_PATH);

  if (!templateId) {
    return (
      <Page title={title}>
        <ReplyTemplateForm
          label={title}
          initialValues={replyTemplateFormValues()}
          submitLabel={t('clinicSettings.replyTemplates.create')}
          onSubmit={async (values) => {
            const created = await create.mutateAsync({ body: values });
            await done(t('clinicSettings.replyTemplates.created', { name: created.name }));
          }}
        />
      </Page>
    );
  }

  const template = templates.data?.find((item) => item.id === templateId);
  if (!template) {
    return (
      <CatalogEntryUnavailable
        title={title}
        section="replyTemplates"
        listPath={CLINIC_REPLY_TEMPLATES_PATH}
        query={templates}
      />
    );
  }

  const initial = replyTemplateFormValues(template);
  return (
    <Page
      title={title}
      heading={t('clinicSettings.replyTemplates.editHeading', { name: template.name })}
    >
      <ReplyTemplateForm
        label={title}
        initialValues={initial}
        submitLabel={t('clinicSettings.saveChanges')}
        onSubmit={async (values) => {
          await sendChanges(changes(initial, values), (body) =>
            update.mutateAsync({ params: { path: { templateId: template.id } }, body }),
          );
          await done(t('clinicSettings.replyTemplates.saved', { name: values.name }));
        }}
      />
    </Page>
  );
}
