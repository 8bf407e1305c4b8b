import { Alert, Button } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegenerateRecoveryCodes } from './api/regenerate-recovery-codes';
import type { SecuritySettings } from './api/security-settings';
import { useSetSecondFactor } from './api/set-second-factor';
import { PasswordConfirmForm } from './PasswordConfirmForm';

type Confirming = 'app' | 'email' | 'none' | 'codes' | null;

export interface SecondFactorSectionProps {
  settings: SecuritySettings;
  /**
   * Starts authenticator set-up with the confirmed password (the page switches to its steps);
   * a refused password rejects, and the form shows it on the field.
   */
  onSetUpApp: (password: string) => Promise<void>;
  /** After switching to emailed codes or turning the step off. */
  onChanged: (change: 'emailOn' | 'off') => void;
  /** New recovery codes to show once. */
  onNewCodes: (codes: string[]) => void;
}

/** The second sign-in step: what is on, and how to change it. */
export function SecondFactorSection({
  settings,
  onSetUpApp,
  onChanged,
  onNewCodes,
}: SecondFactorSectionProps) {
  const { t } = useTranslation();
  const setSecondFactor = useSetSecondFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const { secondFactor, secondFactorRequired, recoveryCodesRemaining } = settings;
  const canTurnOff = secondFactor !== 'none' && !secondFactorRequired;

  const status =
    secondFactor === 'totp'
      ? t('account.twoStep.statusTotp')
      : secondFactor === 'email'
        ? t('account.twoStep.statusEmail')
        : t('account.twoStep.statusNone');
  const setUpAppLabel =
    secondFactor === 'totp' ? t('account.twoStep.newPhone') : t('account.twoStep.setUpApp');

  return (
    <section className="ui-card" aria-labelledby="two-step-title">
      <h2 id="two-step-title">{t('account.twoStep.title')}</h2>
      <p>{t('account.twoStep.intro')}</p>
      <dl className="ui-details">
        <dt>{t('account.twoStep.status')}</dt>
        <dd>{status}</dd>
      </dl>
      {secondFactorRequired ? (
        <p>{t('account.twoStep.required')}</p>
      ) : secondFactor === 'none' ? (
        <Alert tone="info" announce={false}>
          {t('account.twoStep.recommend')}
        </Alert>
      ) : null}

      {confirming === 'app' ? (
        <PasswordConfirmForm
          title={setUpAppLabel}
          intro={t('account.twoStep.appConfirmIntro')}
          submitLabel={t('account.twoStep.appConfirmSubmit')}
          onCancel={() => setConfirming(null)}
          onConfirm={onSetUpApp}
        />
      ) : confirming === 'email' ? (
        <PasswordConfirmForm
          title={t('account.twoStep.emailConfirmTitle')}
          intro={t('account.twoStep.emailConfirmIntro')}
          submitLabel={t('account.twoStep.emailConfirmSubmit')}
          onCancel={() => setConfirming(null)}
          onConfirm={async (password) => {
            await setSecondFactor.mutateAsync({ method: 'email', password });
            onChanged('emailOn');
          }}
        />
      ) : confirming === 'none' ? (
        <PasswordConfirmForm
          title={t('account.twoStep.offConfirmTitle')}
          intro={t('account.twoStep.offConfirmIntro')}
          submitLabel={t('account.twoStep.offConfirmSubmit')}
          onCancel={() => setConfirming(null)}
          onConfirm={async (password) => {
            await setSecondFactor.mutateAsync({ method: 'none', password });
            onChanged('off');
          }}
        />
      ) : (
        <div className="ui-actions">
          <Button
            variant={secondFactor === 'totp' ? 'secondary' : 'primary'}
            onClick={() => setConfirming('app')}
          >
            {setUpAppLabel}
          </Button>
          {secondFactor !== 'email' ? (
            <Button variant="secondary" onClick={() => setConfirming('email')}>
              {t('account.twoStep.useEmail')}
            </Button>
          ) : null}
          {canTurnOff ? (
            <Button variant="quiet" onClick={() => setConfirming('none')}>
              {t('account.twoStep.turnOff')}
            </Button>
          ) : null}
        </div>
      )}

      {secondFactor === 'totp' ? (
        <section aria-labelledby="recovery-title">
          <h3 id="recovery-title">{t('account.recovery.title')}</h3>
          <p>{t('account.recovery.remaining', { count: recoveryCodesRemaining })}</p>
          {recoveryCodesRemaining <= 3 ? (
            <Alert tone="warning" announce={false}>
              {t('account.recovery.low')}
            </Alert>
          ) : null}
          {confirming === 'codes' ? (
            <PasswordConfirmForm
              title={t('account.recovery.confirmTitle')}
              intro={t('account.recovery.confirmIntro')}
              submitLabel={t('account.recovery.confirmSubmit')}
              onCancel={() => setConfirming(null)}
              onConfirm={async (password) => {
                onNewCodes(await regenerate.mutateAsync({ password }));
              }}
            />
          ) : (
            <Button variant="secondary" onClick={() => setConfirming('codes')}>
              {t('account.recovery.replace')}
            </Button>
          )}
        </section>
      ) : null}
    </section>
  );
}
