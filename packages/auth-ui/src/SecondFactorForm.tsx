import {
  isApiError,
  type LoginSecondFactorRequired,
  type SecondFactorMethod,
} from '@portal/api-client';
import { Alert, Button, ErrorSummary, type ErrorSummaryItem } from '@portal/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSixDigitCode, normalizeNumericCode, OneTimeCodeField } from './OneTimeCodeField';
import { useResendLoginCode } from './api/resend-login-code';
import { useVerifySecondFactor } from './api/verify-second-factor';

const CODE_ID = 'verify-code';
const SUMMARY_ID = 'verify-errors';
const INSTRUCTIONS_ID = 'verify-instructions';

export interface SecondFactorFormProps {
  challenge: LoginSecondFactorRequired;
  /** The code was right: the person is signed in. */
  onVerified: () => void;
  /** The waiting sign-in ended (too many wrong codes, or it took too long). */
  onSignInAgain: (detail: string) => void;
  /** Back to username and password. */
  onStartOver: () => void;
}

/**
 * The second step of signing in: a code from the authenticator app, a code sent by email, or
 * a recovery code. Wrong codes are reported on the field with how many tries are left (the
 * server's words); when the server gives up, the person goes back to the first step.
 */
export function SecondFactorForm({
  challenge,
  onVerified,
  onSignInAgain,
  onStartOver,
}: SecondFactorFormProps) {
  const { t } = useTranslation();
  const verify = useVerifySecondFactor();
  const resend = useResendLoginCode();
  const [method, setMethod] = useState<SecondFactorMethod>(challenge.methods[0] ?? 'totp');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [summary, setSummary] = useState<ErrorSummaryItem[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [resent, setResent] = useState(false);
  const [switched, setSwitched] = useState(0);
  const codeRef = useRef<HTMLInputElement>(null);

  const numeric = method !== 'recovery-code';

  useEffect(() => {
    // After switching methods, the field (with its new label) is where the person goes next.
    if (switched > 0) {
      codeRef.current?.focus();
    }
  }, [switched]);

  const fail = (message: string, onField: boolean) => {
    setAttempt((count) => count + 1);
    setFieldError(onField ? message : undefined);
    setSummary([{ message, targetId: onField ? CODE_ID : undefined }]);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (verify.isPending) {
      return;
    }
    const value = numeric ? normalizeNumericCode(code) : code.trim();
    if (!value) {
      fail(numeric ? t('verify.errors.required') : t('verify.errors.recoveryRequired'), true);
      return;
    }
    if (numeric && !isSixDigitCode(value)) {
      fail(t('verify.errors.sixDigits'), true);
      return;
    }
    setSummary(null);
    setFieldError(undefined);
    try {
      await verify.mutateAsync({ code: value, method });
      onVerified();
    } catch (error) {
      setCode('');
      if (isApiError(error) && error.status === 401) {
        onSignInAgain(error.detail || t('verify.again.default'));
        return;
      }
      if (isApiError(error) && error.status === 400) {
        const onCode = error.fieldError('code');
        // invalid_code and code_expired: the detail says how many tries are left or what to do.
        fail(error.detail || onCode || t('verify.errors.wrong'), onCode !== undefined);
        return;
      }
      fail(isApiError(error) ? t('verify.errors.unexpected') : t('verify.errors.network'), false);
    }
  };

  const sendNewCode = async () => {
    if (resend.isPending) {
      return;
    }
    setResent(false);
    try {
      await resend.mutateAsync();
      setSummary(null);
      setFieldError(undefined);
      setCode('');
      setResent(true);
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        onSignInAgain(error.detail || t('verify.again.default'));
        return;
      }
      fail(t('verify.errors.resendFailed'), false);
    }
  };

  const switchTo = (next: SecondFactorMethod) => {
    setMethod(next);
    setCode('');
    setFieldError(undefined);
    setSummary(null);
    setResent(false);
    setSwitched((count) => count + 1);
  };

  const instructions =
    method === 'email'
      ? challenge.maskedEmail
        ? t('verify.email.instructions', { email: challenge.maskedEmail })
        : t('verify.email.instructionsNoAddress')
      : method === 'totp'
        ? t('verify.totp.instructions')
        : t('verify.recovery.instructions');

  const others = challenge.methods.filter((candidate) => candidate !== method);

  return (
    <>
      {summary ? (
        <ErrorSummary
          id={SUMMARY_ID}
          title={t('verify.errors.summaryTitle')}
          errors={summary}
          focusKey={attempt}
        />
      ) : null}
      {resent ? (
        <Alert tone="success">
          {challenge.maskedEmail
            ? t('verify.email.resent', { email: challenge.maskedEmail })
            : t('verify.email.resentNoAddress')}
        </Alert>
      ) : null}
      <p id={INSTRUCTIONS_ID}>{instructions}</p>
      <form
        noValidate
        aria-label={t('verify.formLabel')}
        aria-describedby={summary ? SUMMARY_ID : INSTRUCTIONS_ID}
        onSubmit={(event) => void submit(event)}
      >
        <OneTimeCodeField
          ref={codeRef}
          id={CODE_ID}
          name="code"
          numeric={numeric}
          label={numeric ? t('verify.codeLabel') : t('verify.recovery.label')}
          hint={numeric ? t('verify.codeHint') : t('verify.recovery.hint')}
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError}
        />
        <div className="ui-actions">
          <Button type="submit" busy={verify.isPending}>
            {verify.isPending ? t('verify.submitting') : t('verify.submit')}
          </Button>
          {method === 'email' ? (
            <Button variant="secondary" busy={resend.isPending} onClick={() => void sendNewCode()}>
              {resend.isPending ? t('verify.email.resending') : t('verify.email.resend')}
            </Button>
          ) : null}
        </div>
      </form>
      <ul className="ui-link-list">
        {others.map((other) => (
          <li key={other}>
            <Button variant="quiet" onClick={() => switchTo(other)}>
              {t(`verify.switch.${other === 'recovery-code' ? 'recovery' : other}`)}
            </Button>
          </li>
        ))}
        <li>
          <Button variant="quiet" onClick={onStartOver}>
            {t('verify.startOver')}
          </Button>
        </li>
      </ul>
      <p className="sign-in__help">
        {method === 'recovery-code' ? t('verify.recovery.help') : t('verify.help')}
      </p>
    </>
  );
}
