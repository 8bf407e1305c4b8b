import { isApiError } from '@portal/api-client';
import {
  Confirmation,
  isSixDigitCode,
  normalizeNumericCode,
  OneTimeCodeField,
} from '@portal/auth-ui';
import {
  Alert,
  Button,
  deviceTimeZone,
  ErrorSummary,
  type ErrorSummaryItem,
  formatTime,
} from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatLocale } from '../../../lib/i18n';
import { $api } from '../../../lib/api-queries';
import type { EmailCodeSent, IdentityVerified } from '../api';
import { stopReason, triesLeft, type StopReason } from '../utils/registration-errors';

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
  const verify = $api.useMutation('post', '/api/v1/registration/verify-identity');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const describe = (error: unknown): { field?: string; failure?: string } => {
    if (!isApiError(error)) {
      return { failure: t('common.errors.network') };
    }
    const known = CODE_PROBLEMS[error.code as keyof typeof CODE_PROBLEMS];
    if (known) {
      return { field: t(`registration.email.errors.${known}`) };
    }
    const message = error.fieldError('emailCode');
    if (error.code === 'identity_not_confirmed' || message) {
      const left = triesLeft(message ?? error.detail);
      return {
        field:
          left === undefined || left === 0
            ? message || error.detail
            : t('registration.email.errors.wrong', { count: left }),
      };
    }
    return {
      failure: error.status >= 500 || !error.detail ? t('common.errors.unexpected') : error.detail,
    };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (verify.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    const typed = normalizeNumericCode(code);
    if (!typed) {
      setFailure(null);
      setFieldError(t('registration.email.errors.required'));
      return;
    }
    if (!isSixDigitCode(typed)) {
      setFailure(null);
      setFieldError(t('registration.email.errors.sixDigits'));
      return;
    }
    setFieldError(null);
    setFailure(null);
    try {
      onVerified(await verify.mutateAsync({ body: { token, emailCode: typed } }));
    } catch (error) {
      const reason = stopReason(error);
      if (reason) {
        onStopped(reason);
        return;
      }
      const described = describe(error);
      setFieldError(described.field ?? null);
      setFailure(described.failure ?? null);
    }
  };

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
  const items: ErrorSummaryItem[] = [];
  if (fieldError) {
    items.push({ message: fieldError, targetId: CODE_ID });
  }
  if (failure) {
    items.push({ message: failure });
  }

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
        <ErrorSummary title={t('common.errors.summaryTitle')} errors={items} focusKey={attempt} />
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
          <Button type="submit" busy={verify.isPending}>
            {verify.isPending ? t('registration.checking') : t('registration.continue')}
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
