import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Page } from '../../../components/Page';
import { flashState } from '../../../lib/flash';
import { STAFF_PATH } from '../../../lib/paths';
import { $api } from '../../../lib/api';
import { useStaff, useStaffChange, type StaffMember, type UpdateStaffRequest } from '../api/staff';
import { StaffForm, type StaffFormValues } from '../components/StaffForm';
import { StaffLocationsSection } from '../components/StaffLocationsSection';

/** Only what changed goes to the server. */
function changes(member: StaffMember, values: StaffFormValues): UpdateStaffRequest {
  const body: UpdateStaffRequest = {};
  if (values.displayName !== member.displayName) body.displayName = values.displayName;
  if (values.email !== member.email) body.email = values.email;
  if ([...values.roles].sort().join() !== [...member.roles].sort().join()) {
    body.roles = values.roles;
  }
  return body;
}

function EditForm({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Role changes apply to open sessions at once; nobody can remove their own admin role (422).
  const update = $api.useMutation('patch', '/api/v1/staff/{accountId}', useStaffChange());
  return (
    <StaffForm
      label={t('staff.edit.title')}
      initialValues={member}
      usernameEditable={false}
      submitLabel={t('staff.edit.submit')}
      onSubmit={async (values) => {
        const body = changes(member, values);
        if (Object.keys(body).length > 0) {
          await update.mutateAsync({ params: { path: { accountId: member.id } }, body });
        }
        await navigate(STAFF_PATH, {
          state: flashState(
            Object.keys(body).length > 0
              ? t('staff.edit.saved', { name: values.displayName })
              : t('staff.edit.unchanged'),
          ),
        });
      }}
    />
  );
}

/**
 * Name, email and roles of one account. The API has no single-account read, so the account
 * comes from the (small, cached) list.
 */
export function EditStaffPage() {
  const { t } = useTranslation();
  const { accountId } = useParams();
  const staff = useStaff();
  const member = staff.data?.items.find((item) => item.id === accountId);

  return (
    <Page title={t('staff.edit.title')}>
      {staff.isPending ? (
        <LoadingState label={t('staff.page.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : staff.isError ? (
        <ApiErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
      ) : member ? (
        <>
          <EditForm member={member} />
          <StaffLocationsSection accountId={member.id} />
        </>
      ) : (
        <>
          <p>{t('staff.edit.notFound')}</p>
          <p>
            <Link to={STAFF_PATH}>{t('staff.edit.back')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
