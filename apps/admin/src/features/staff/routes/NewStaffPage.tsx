import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../../components/Page';
import { flashState } from '../../../lib/flash';
import { STAFF_PATH } from '../../../lib/paths';
import { $api } from '../../../lib/api';
import { useStaffChange } from '../api/staff';
import { StaffForm } from '../components/StaffForm';

/** Adds a staff account; its owner gets an email with a link to choose a password. */
export function NewStaffPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The account starts without a password: its owner is emailed a link to choose one.
  const createStaff = $api.useMutation('post', '/api/v1/staff', useStaffChange());
  return (
    <Page title={t('staff.new.title')}>
      <p>{t('staff.new.intro')}</p>
      <StaffForm
        label={t('staff.new.title')}
        initialValues={{ username: '', displayName: '', email: '', roles: [] }}
        usernameEditable
        submitLabel={t('staff.new.submit')}
        onSubmit={async (values) => {
          const member = await createStaff.mutateAsync({ body: values });
          await navigate(STAFF_PATH, {
            state: flashState(
              t('staff.new.created', { name: member.displayName, email: member.email }),
            ),
          });
        }}
      />
    </Page>
  );
}
