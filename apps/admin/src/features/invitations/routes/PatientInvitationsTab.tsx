import { Alert, Button, deviceTimeZone, LoadingState, Skeleton } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import { useCanUse } from '../../../lib/access';
import { formatShortDateTime } from '../../../lib/format-compact';
import { useFormatLocale } from '../../../lib/i18n';
import { editPatientPath } from '../../../lib/paths';
import { patientFullName, usePatientRecord } from '../../../lib/patient-record';
import { useInfiniteQuery } from '@tanstack/react-query';
import { $api, pagedQueryOptions } from '../../../lib/api';
import { INVITATIONS_PAGE_SIZE, INVITATIONS_PATH, useInvitationChange } from '../api/invitations';
import { ActionResultMessage } from '../components/ActionResultMessage';
import { InvitationsTable } from '../components/InvitationsTable';
import type { ActionResult } from '../utils/action-result';

/** The patient record's invitations tab: invite to the portal, resend, revoke. */
export function PatientInvitationsTab() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const patient = usePatientRecord();
  const canEdit = useCanUse('patientEdit');
  const invitations = useInfiniteQuery(
    pagedQueryOptions(INVITATIONS_PATH, {
      query: { patientId: patient.id, limit: INVITATIONS_PAGE_SIZE },
    }),
  );
  // Emails a registration link: 422 when the patient has no email, 409 when they already have
  // an account or a valid invitation.
  const createInvitation = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/invitations',
    useInvitationChange(),
  );
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];
  const [result, setResult] = useState<{ value: ActionResult; key: number } | null>(null);
  const [now] = useState(() => Date.now());
  const name = patientFullName(patient);

  const onResult = (value: ActionResult) =>
    setResult((previous) => ({ value, key: (previous?.key ?? 0) + 1 }));

  const invite = async () => {
    try {
      const invitation = await createInvitation.mutateAsync({
        params: { path: { patientId: patient.id } },
      });
      onResult({
        kind: 'success',
        text: t('invitations.actions.invited', {
          email: invitation.email,
          expires: formatShortDateTime(invitation.expiresAt, deviceTimeZone(), locale),
        }),
      });
    } catch (error) {
      onResult({ kind: 'error', action: 'invite', error });
    }
  };

  return (
    <section aria-labelledby="patient-invitations-heading">
      <h2 id="patient-invitations-heading">{t('invitations.tab.title')}</h2>
      <p>{t('invitations.tab.intro')}</p>
      {patient.email ? (
        <div className="admin-page-actions">
          <Button busy={createInvitation.isPending} onClick={() => void invite()}>
            {createInvitation.isPending
              ? t('invitations.tab.inviting')
              : t('invitations.tab.invite')}
          </Button>
          <span className="admin-muted">
            {t('invitations.tab.sendsTo', { email: patient.email })}
          </span>
        </div>
      ) : (
        <Alert tone="warning" announce={false} title={t('invitations.tab.noEmailTitle')}>
          <p>{t('invitations.tab.noEmail', { name })}</p>
          {canEdit ? (
            <p>
              <Link to={editPatientPath(patient.id)}>{t('invitations.problems.addEmail')}</Link>
            </p>
          ) : null}
        </Alert>
      )}
      {result ? (
        <ActionResultMessage result={result.value} focusKey={result.key} patientId={patient.id} />
      ) : null}
      {invitations.isPending ? (
        <LoadingState label={t('invitations.page.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : invitations.isError && !invitations.data ? (
        <ApiErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('invitations.tab.none')}</p>
      ) : (
        <>
          <InvitationsTable
            caption={t('invitations.tab.caption', { name })}
            invitations={items}
            showPatient={false}
            onResult={onResult}
            now={now}
          />
          <QueryLoadMore list={invitations} shown={items.length} onlyWithMore />
        </>
      )}
    </section>
  );
}
