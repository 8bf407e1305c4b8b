import {
  Confirmation,
  isSixDigitCode,
  normalizeNumericCode,
  OneTimeCodeField,
} from '@portal/auth-ui';
import { Alert, Button, deviceTimeZone, ErrorSummary, formatTime } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import type { EmailCodeSent, IdentityVerified } from '../api';
import { triesLeft, type StopReason } from '../utils/registration-errors';
import { useIdentityCheck } from './use-identity-check';

const CODE_ID = 'register-email-code';

/** What the API's refusals of a code mean for the patient, by problem code. */
const CODE_PROBLEMS = {
  email_code_expired: 'expired',
  email_code_used: 'used',
  email_code_tries_exceeded: 'triesExceeded',
  email_code_not_requested: 'notRequested',
} as const;

export interface EmailCodeFormProps {
  token: string;
  maskedEmail: string;
  /** The last code sent, and how many were sent (a new one replaces the old one). */
  sent: { info: EmailCodeSent; count: number } | null;
  sending: boolean;
  /** Why the last "send" did not work, in words. */
  sendError: string | null;
  onSend: () => void;
  onVerified: (verified: IdentityVerified) => void;
  onStopped: (reason: StopReason) => void;
}

/**
 * Proving identity with a 6-digit code emailed to the address on file: send it, type it in
 * (number keypad, and phones may offer the code from the email), or send a new one.
 */
export function EmailCodeForm({
  token,
  maskedEmail,
  sent,
  sending,
  sendError,
  onSend,
  onVerified,
  onStopped,
}: EmailCodeFormProps) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const [code, setCode] = useState('');
  const check = useIdentityCheck<string>({
    onVerified,
    onStopped,
    fieldProblem: (error) => {
      const known = CODE_PROBLEMS[error.code as keyof typeof CODE_PROBLEMS];
      if (known) {
        return t(`registration.email.errors.${known}`);
      }
      const message = error.fieldError('emailCode');
      if (error.code !== 'identity_not_confirmed' && !message) {
        return undefined;
      }
      const left = triesLeft(message ?? error.detail);
      return left === undefined || left === 0
        ? message || error.detail
        : t('registration.email.errors.wrong', { count: left });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) =>
    check.submit(event, () => {
      const typed = normalizeNumericCode(code);
      if (!typed) {
        return { problem: t('registration.email.errors.required') };
      }
      return isSixDigitCode(typed)
        ? { body: { token, emailCode: typed } }
        : { problem: t('registration.email.errors.sixDigits') };
    });

  if (!sent) {
    // Only email codes are offered for this invitation, and none was sent yet.
    return (
      <>
        <p>{t('registration.email.offer', { email: maskedEmail })}</p>
        {sendError ? <Alert tone="error">{sendError}</Alert> : null}
        <Button busy={sending} onClick={onSend}>
          {sending ? t('registration.email.sending') : t('registration.email.send')}
        </Button>
      </>
    );
  }

  const until = formatTime(sent.info.expiresAt, deviceTimeZone(), locale);
  const fieldError = check.fieldError;
  const items = check.summaryItems((message) => ({ message, targetId: CODE_ID }));

  return (
    <>
      {/* Takes focus when it appears, and again for each new code. */}
      <Confirmation key={sent.count}>
        <p>
          {sent.count > 1
            ? t('registration.email.resent', { email: sent.info.sentTo, time: until })
            : t('registration.email.sent', { email: sent.info.sentTo, time: until })}
        </p>
      </Confirmation>
      {items.length > 0 ? (
        <ErrorSummary
          title={t('common.errors.summaryTitle')}
          errors={items}
          focusKey={check.attempt}
        />
      ) : null}
      <form
        noValidate
        aria-label={t('registration.email.formLabel')}
        onSubmit={(e) => void submit(e)}
      >
        <OneTimeCodeField
          id={CODE_ID}
          name="email-code"
          label={t('registration.email.label')}
          hint={t('registration.email.hint')}
          maxLength={12}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError ?? undefined}
        />
        <div className="ui-actions">
          <Button type="submit" busy={check.pending}>
            {check.pending ? t('registration.checking') : t('registration.continue')}
          </Button>
          <Button variant="secondary" busy={sending} onClick={onSend}>
            {sending ? t('registration.email.sending') : t('registration.email.resend')}
          </Button>
        </div>
        {sendError ? <Alert tone="error">{sendError}</Alert> : null}
      </form>
    </>
  );
}
