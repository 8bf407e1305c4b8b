import { Button, deviceTimeZone, VisuallyHidden } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatShortDateTime } from '../../../lib/format-compact';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api';
import { useInvitationChange, type Invitation } from '../api/invitations';
import type { ActionResult } from '../utils/action-result';

/** Statuses whose link can still be replaced (resend) or cancelled (revoke). */
const OPEN = new Set<Invitation['status']>(['pending', 'sent', 'expired']);

export function canChange(invitation: Invitation): boolean {
  return OPEN.has(invitation.status);
}

export interface InvitationRowActionsProps {
  invitation: Invitation;
  onResult: (result: ActionResult) => void;
}

/**
 * Resend (at once: it only replaces the link) and Revoke (after one clear confirmation: the
 * link dies and the patient cannot register with it).
 */
export function InvitationRowActions({ invitation, onResult }: InvitationRowActionsProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const change = useInvitationChange();
  // A resend is a new link with a new expiry: the old link stops working, and a lock from
  // wrong dates of birth lifts.
  const resend = $api.useMutation('post', '/api/v1/invitations/{invitationId}/resend', change);
  const revoke = $api.useMutation('post', '/api/v1/invitations/{invitationId}/revoke', change);
  const [confirming, setConfirming] = useState(false);
  const name = invitation.patientName;

  if (!canChange(invitation)) {
    return <span className="admin-muted">{t('invitations.actions.none')}</span>;
  }

  const doResend = async () => {
    try {
      const updated = await resend.mutateAsync({
        params: { path: { invitationId: invitation.id } },
      });
      onResult({
        kind: 'success',
        text: t('invitations.actions.resent', {
          email: updated.email,
          expires: formatShortDateTime(updated.expiresAt, deviceTimeZone(), locale),
        }),
      });
    } catch (error) {
      onResult({ kind: 'error', action: 'resend', error });
    }
  };

  const doRevoke = async () => {
    try {
      await revoke.mutateAsync({ params: { path: { invitationId: invitation.id } } });
      setConfirming(false);
      onResult({ kind: 'success', text: t('invitations.actions.revoked', { name }) });
    } catch {
      // Shown inside the dialog (revoke.error), which stays open to try again or cancel.
    }
  };

  return (
    <div className="admin-table__actions">
      <Button variant="secondary" busy={resend.isPending} onClick={() => void doResend()}>
        {resend.isPending ? t('invitations.actions.resending') : t('invitations.actions.resend')}
        <VisuallyHidden>{t('invitations.actions.forPatient', { name })}</VisuallyHidden>
      </Button>
      <Button
        variant="secondary"
        onClick={() => {
          revoke.reset();
          setConfirming(true);
        }}
      >
        {t('invitations.actions.revoke')}
        <VisuallyHidden>{t('invitations.actions.forPatient', { name })}</VisuallyHidden>
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('invitations.revokeDialog.title', { name })}
        description={t('invitations.revokeDialog.body', { email: invitation.email })}
        confirmLabel={t('invitations.revokeDialog.confirm')}
        cancelLabel={t('invitations.revokeDialog.cancel')}
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => void doRevoke()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
