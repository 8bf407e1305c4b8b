import { isApiError } from '@portal/api-client';
import { Alert, Button, deviceTimeZone, formatDateTime } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api-queries';
import type {
  EmailCodeSent,
  IdentityMethod,
  IdentityVerified,
  RegistrationInvitation,
} from '../api';
import { stopReason, type StopReason } from '../utils/registration-errors';
import { DateOfBirthForm } from './DateOfBirthForm';
import { EmailCodeForm } from './EmailCodeForm';
import { StepPage } from './StepPage';

export interface IdentityStepProps {
  token: string;
  invitation: RegistrationInvitation;
  /** The identity check ran out before the account was made: say why this step is back. */
  restarted?: boolean;
  /** A code already emailed in this registration (kept across a reload). */
  emailCode?: { info: EmailCodeSent; count: number };
  onEmailCodeSent?: (sent: { info: EmailCodeSent; count: number }) => void;
  onVerified: (verified: IdentityVerified) => void;
  onStopped: (reason: StopReason) => void;
}

/**
 * Step 1: welcome (which clinic, until when the invitation works) and "Prove it's you", with
 * the date of birth or, instead, a code emailed to the address the clinic has on file.
 */
export function IdentityStep({
  token,
  invitation,
  restarted = false,
  emailCode,
  onEmailCodeSent,
  onVerified,
  onStopped,
}: IdentityStepProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const canUseBirthDate = invitation.identityMethods.includes('date-of-birth');
  const canUseEmail = invitation.identityMethods.includes('email-code');
  const [method, setMethod] = useState<IdentityMethod>(
    emailCode || !canUseBirthDate ? 'email-code' : 'date-of-birth',
  );
  const [switchedBack, setSwitchedBack] = useState(false);
  const send = $api.useMutation('post', '/api/v1/registration/email-code');
  const [sent, setSent] = useState<{ info: EmailCodeSent; count: number } | null>(
    emailCode ?? null,
  );
  const [sendError, setSendError] = useState<string | null>(null);

  const sendCode = async () => {
    if (send.isPending) {
      return;
    }
    setSendError(null);
    try {
      const info = await send.mutateAsync({ body: { token } });
      const next = { info, count: (sent?.count ?? 0) + 1 };
      setSent(next);
      onEmailCodeSent?.(next);
      setMethod('email-code');
    } catch (error) {
      const reason = stopReason(error);
      if (reason) {
        onStopped(reason);
        return;
      }
      if (!isApiError(error)) {
        setSendError(t('registration.email.errors.sendFailed'));
      } else if (error.status === 429) {
        setSendError(
          canUseBirthDate
            ? t('registration.email.errors.limit')
            : t('registration.email.errors.limitNoBirthDate'),
        );
      } else {
        setSendError(t('common.errors.unexpected'));
      }
    }
  };

  const switchToBirthDate = () => {
    setSendError(null);
    setSwitchedBack(true);
    setMethod('date-of-birth');
  };

  const expires = formatDateTime(invitation.expiresAt, deviceTimeZone(), locale);

  return (
    <StepPage step={1} title={t('registration.identity.title')}>
      {restarted ? (
        <Alert tone="warning" announce={false}>
          {t('registration.identity.restarted')}
        </Alert>
      ) : null}
      <p>{t('registration.identity.welcome', { clinic: invitation.clinicName })}</p>
      <p>{t('registration.identity.expires', { date: expires })}</p>
      <p>{t('registration.identity.why')}</p>
      {method === 'date-of-birth' ? (
        <>
          <DateOfBirthForm
            token={token}
            onVerified={onVerified}
            onStopped={onStopped}
            focusOnMount={switchedBack}
          />
          {canUseEmail ? (
            <section className="registration__other" aria-labelledby="register-other-way">
              <h2 id="register-other-way">{t('registration.email.otherWayTitle')}</h2>
              <p>{t('registration.email.offer', { email: invitation.maskedEmail })}</p>
              {sendError ? <Alert tone="error">{sendError}</Alert> : null}
              <Button variant="secondary" busy={send.isPending} onClick={() => void sendCode()}>
                {send.isPending ? t('registration.email.sending') : t('registration.email.switch')}
              </Button>
            </section>
          ) : null}
        </>
      ) : (
        <>
          <EmailCodeForm
            // A new code starts the form afresh (the old code no longer works).
            key={sent?.count ?? 0}
            token={token}
            maskedEmail={invitation.maskedEmail}
            sent={sent}
            sending={send.isPending}
            sendError={sendError}
            onSend={() => void sendCode()}
            onVerified={onVerified}
            onStopped={onStopped}
          />
          {canUseBirthDate ? (
            <p className="registration__other">
              <Button variant="quiet" onClick={switchToBirthDate}>
                {t('registration.email.useBirthDate')}
              </Button>
            </p>
          ) : null}
        </>
      )}
      <p className="registration__next">{t('registration.identity.next')}</p>
    </StepPage>
  );
}
