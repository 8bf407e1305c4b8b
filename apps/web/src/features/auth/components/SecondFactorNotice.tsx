import type { SecondFactorMethod } from '@portal/api-client';
import { Alert } from '@portal/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Tells the patient that their account needs a security code this page cannot take. */
export function SecondFactorNotice({ methods }: { methods: readonly SecondFactorMethod[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const hasEmail = methods.includes('email');
  const hasApp = methods.includes('totp');
  const how =
    hasEmail && hasApp
      ? t('signIn.secondFactor.emailOrTotp')
      : hasApp
        ? t('signIn.secondFactor.totp')
        : t('signIn.secondFactor.email');

  return (
    <div ref={ref} tabIndex={-1}>
      <Alert tone="warning" title={t('signIn.secondFactor.title')}>
        <p>{how}</p>
        <p>{t('signIn.secondFactor.cannotFinish')}</p>
      </Alert>
    </div>
  );
}
