import { Alert } from '@portal/ui';
import type { ParseKeys } from 'i18next';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from './Page';
import { useCurrentSession } from '../lib/session';

export interface PatientOnlyProps {
  /** Tab title while explaining that the page is for patients. */
  title: string;
  children: (patientId: string) => ReactNode;
}

/** Pages about a patient's own care; an account without a patient record is told so. */
export function PatientOnly({ title, children }: PatientOnlyProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  if (!user.patientId) {
    return (
      <Page title={title}>
        <Alert tone="info" announce={false}>
          {t('common.noPatient')}
        </Alert>
      </Page>
    );
  }
  return <>{children(user.patientId)}</>;
}

/**
 * A route's page about the patient's own care: `Content` gets the patient's id; an account
 * without a patient record sees `titleKey`'s page saying so.
 */
export function patientPage(
  titleKey: ParseKeys,
  Content: ComponentType<{ patientId: string }>,
): ComponentType {
  return function PatientPage() {
    const { t } = useTranslation();
    return (
      <PatientOnly title={t(titleKey)}>
        {(patientId) => <Content patientId={patientId} />}
      </PatientOnly>
    );
  };
}
