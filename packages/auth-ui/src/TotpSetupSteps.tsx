import { isApiError } from '@portal/api-client';
import { Button, ErrorSummary } from '@portal/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSixDigitCode, normalizeNumericCode, OneTimeCodeField } from './OneTimeCodeField';
import { useConfirmTotpSetup } from './api/confirm-totp-setup';
import type { TotpSetup } from './api/start-totp-setup';
import { PasswordConfirmForm } from './PasswordConfirmForm';

const CODE_ID = 'totp-setup-code';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read out and type. */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

export interface TotpSetupStepsProps {
  setup: TotpSetup;
  username: string;
  /** The app is on; here are its recovery codes. */
  onConfirmed: (recoveryCodes: string[]) => void;
  /**
   * The set-up lapsed (over 10 minutes): get a new key with the confirmed password. A refused
   * password rejects, and the form shows it on the field.
   */
  onRestart: (password: string) => Promise<void>;
  onCancel: () => void;
}

/**
 * Adding the portal to an authenticator app without a QR code: a link that phone apps open
 * directly, or the key to type in, then the first code to prove it works.
 */
export function TotpSetupSteps({
  setup,
  username,
  onConfirmed,
  onRestart,
  onCancel,
}: TotpSetupStepsProps) {
  const { t } = useTranslation();
  const confirm = useConfirmTotpSetup();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [expired, setExpired] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirm.isPending) {
      return;
    }
    setAttempt((count) => count + 1);
    const value = normalizeNumericCode(code);
    if (!value) {
      setFieldError(t('verify.errors.required'));
      return;
    }
    if (!isSixDigitCode(value)) {
      setFieldError(t('verify.errors.sixDigits'));
      return;
    }
    setFieldError(undefined);
    setExpired(false);
    try {
      onConfirmed(await confirm.mutateAsync({ code: value }));
    } catch (error) {
      setCode('');
      if (isApiError(error) && error.status === 409) {
        // The restart form takes focus and says why; the password is asked for again.
        setExpired(true);
        return;
      }
      const onField = isApiError(error) ? error.fieldError('code') : undefined;
      setFieldError(
        onField ?? (isApiError(error) ? t('common.errors.unexpected') : t('common.errors.network')),
      );
    }
  };

  return (
    <>
      {fieldError ? (
        <ErrorSummary
          title={t('common.errors.summaryTitle')}
          errors={[{ message: fieldError, targetId: CODE_ID }]}
          focusKey={attempt}
        />
      ) : null}
      <p>{t('account.totp.intro')}</p>
      <ol className="steps">
        <li>
          <h2>{t('account.totp.step1')}</h2>
          <p>{t('account.totp.onThisPhone')}</p>
          <p>
            <a className="ui-button ui-button--secondary" href={setup.otpauthUri}>
              {t('account.totp.openApp')}
            </a>
          </p>
          <p>{t('account.totp.typeKey')}</p>
          <p className="ui-code ui-code-block">{groupSecret(setup.secret)}</p>
          <dl className="ui-details">
            <dt>{t('account.totp.accountName')}</dt>
            <dd>{username}</dd>
            <dt>{t('account.totp.keyType')}</dt>
            <dd>{t('account.totp.timeBased')}</dd>
          </dl>
        </li>
        <li>
          <h2>{t('account.totp.step2')}</h2>
          {expired ? (
            <PasswordConfirmForm
              title={t('account.totp.expired')}
              intro={t('account.totp.restartIntro')}
              submitLabel={t('account.totp.restart')}
              onConfirm={onRestart}
              onCancel={onCancel}
            />
          ) : (
            <form noValidate aria-label={t('account.totp.step2')} onSubmit={(e) => void submit(e)}>
              <OneTimeCodeField
                id={CODE_ID}
                name="code"
                label={t('account.totp.codeLabel')}
                hint={t('verify.codeHint')}
                required
                value={code}
                onChange={(event) => setCode(event.target.value)}
                error={fieldError}
              />
              <Button type="submit" busy={confirm.isPending}>
                {confirm.isPending ? t('common.saving') : t('account.totp.submit')}
              </Button>
            </form>
          )}
        </li>
      </ol>
      <div className="ui-actions">
        <Button variant="quiet" onClick={onCancel}>
          {t('account.totp.cancel')}
        </Button>
      </div>
    </>
  );
}
