import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { patientInvitationsPath } from '../../../lib/paths';
import type { Invitation } from '../api/invitations';
import type { ActionResult } from '../utils/action-result';
import { DeliveryState, InvitationStatusBadges } from './InvitationStatus';
import { canChange, InvitationRowActions } from './InvitationRowActions';

export interface InvitationsTableProps {
  caption: string;
  invitations: Invitation[];
  /** The list of all invitations shows whose each one is; a patient's own tab does not. */
  showPatient: boolean;
  onResult: (result: ActionResult) => void;
  /** Read once per render, so every row's age is measured from the same moment. */
  now: number;
}

function StatusDate({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  if (invitation.status === 'accepted' && invitation.acceptedAt) {
    return (
      <span className="admin-muted">
        {t('invitations.columns.acceptedOn')} <Time value={invitation.acceptedAt} />
      </span>
    );
  }
  if (invitation.status === 'revoked' && invitation.revokedAt) {
    return (
      <span className="admin-muted">
        {t('invitations.columns.revokedOn')} <Time value={invitation.revokedAt} />
      </span>
    );
  }
  return null;
}

/** Invitations, newest first, with status and email delivery in words. */
export function InvitationsTable({
  caption,
  invitations,
  showPatient,
  onResult,
  now,
}: InvitationsTableProps) {
  const { t } = useTranslation();
  const captionId = showPatient ? 'invitations-caption' : 'patient-invitations-caption';
  return (
    <TableScroll captionId={captionId}>
      <table className="admin-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {showPatient ? <th scope="col">{t('invitations.columns.patient')}</th> : null}
            <th scope="col">{t('invitations.columns.status')}</th>
            <th scope="col">{t('invitations.columns.delivery')}</th>
            <th scope="col">{t('invitations.columns.email')}</th>
            <th scope="col">{t('invitations.columns.created')}</th>
            <th scope="col">{t('invitations.columns.lastSent')}</th>
            <th scope="col">{t('invitations.columns.expires')}</th>
            <th scope="col">{t('invitations.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              {showPatient ? (
                <th scope="row">
                  <Link to={patientInvitationsPath(invitation.patientId)}>
                    {invitation.patientName}
                  </Link>
                  <br />
                  <span className="admin-mono admin-muted">{invitation.patientMrn}</span>
                </th>
              ) : null}
              <td>
                <InvitationStatusBadges invitation={invitation} />
                <br />
                <StatusDate invitation={invitation} />
              </td>
              <td>
                <DeliveryState invitation={invitation} />
              </td>
              <td>{invitation.email}</td>
              <td className="admin-nowrap">
                <Time value={invitation.createdAt} display="relative" now={now} />
              </td>
              <td className="admin-nowrap">
                {invitation.sentAt ? (
                  <>
                    <Time value={invitation.sentAt} display="relative" now={now} />
                    {invitation.sendCount > 1 ? (
                      <>
                        <br />
                        <span className="admin-muted">
                          {t('invitations.columns.sendCount', { count: invitation.sendCount })}
                        </span>
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className="admin-muted">{t('invitations.columns.notSent')}</span>
                )}
              </td>
              <td className="admin-nowrap">
                {canChange(invitation) ? (
                  <Time value={invitation.expiresAt} />
                ) : (
                  <span className="admin-muted">{t('invitations.columns.notApplicable')}</span>
                )}
              </td>
              <td>
                <InvitationRowActions invitation={invitation} onResult={onResult} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
