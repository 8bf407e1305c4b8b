import { useTranslation } from 'react-i18next';
import { StatusBadge, type BadgeTone } from '../../../components/StatusBadge';
import type { DeliveryStatus, Invitation, InvitationStatus } from '../api/invitations';

const STATUS_TONES: Record<InvitationStatus, BadgeTone> = {
  pending: 'neutral',
  sent: 'info',
  accepted: 'success',
  expired: 'warning',
  revoked: 'neutral',
};

const DELIVERY_TONES: Record<DeliveryStatus, BadgeTone> = {
  queued: 'neutral',
  sent: 'success',
  failed: 'error',
};

/** The invitation's status in words, plus "Locked" after too many wrong dates of birth. */
export function InvitationStatusBadges({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  return (
    <span className="admin-badges">
      <StatusBadge tone={STATUS_TONES[invitation.status]}>
        {t(`invitations.status.${invitation.status}`)}
      </StatusBadge>
      {invitation.locked ? (
        <StatusBadge tone="error">{t('invitations.status.locked')}</StatusBadge>
      ) : null}
    </span>
  );
}

/** "Email queued / sent / failed" for the latest email, with the tries when it failed. */
export function DeliveryState({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const status = invitation.deliveryStatus;
  if (!status) {
    return <span className="admin-muted">{t('invitations.delivery.unknown')}</span>;
  }
  return (
    <span className="admin-badges">
      <StatusBadge tone={DELIVERY_TONES[status]}>{t(`invitations.delivery.${status}`)}</StatusBadge>
      {status !== 'sent' && invitation.deliveryAttempts > 0 ? (
        <span className="admin-muted">
          {t('invitations.delivery.attempts', { count: invitation.deliveryAttempts })}
        </span>
      ) : null}
    </span>
  );
}
