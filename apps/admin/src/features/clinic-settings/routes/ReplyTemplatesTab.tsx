import { useTranslation } from 'react-i18next';
import { $api } from '../../../lib/api';
import { useReplyTemplateChange, useReplyTemplates } from '../api/clinic-settings';
import { CatalogTab } from '../components/CatalogTab';
import { editReplyTemplatePath, NEW_REPLY_TEMPLATE_PATH } from '../utils/paths';

/** How much of a template's text the list shows. */
const EXCERPT = 120;

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** Ready-made replies staff start from, with their placeholders as written. */
export function ReplyTemplatesTab() {
  const { t } = useTranslation();
  const templates = useReplyTemplates();
  const update = $api.useMutation(
    'patch',
    '/api/v1/reply-templates/{templateId}',
    useReplyTemplateChange(),
  );

  return (
    <CatalogTab
      section="replyTemplates"
      idPrefix="reply-templates"
      query={templates}
      newPath={NEW_REPLY_TEMPLATE_PATH}
      editPath={editReplyTemplatePath}
      columns={[
        t('clinicSettings.replyTemplates.fields.name'),
        t('clinicSettings.replyTemplates.fields.body'),
      ]}
      nameOf={(template) => template.name}
      setActive={(template, active) =>
        update.mutateAsync({ params: { path: { templateId: template.id } }, body: { active } })
      }
      cells={(template) => (
        <>
          <th scope="row">{template.name}</th>
          <td>{excerpt(template.body)}</td>
        </>
      )}
    />
  );
}
