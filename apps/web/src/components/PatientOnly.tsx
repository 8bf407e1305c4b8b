import { Alert } from '@portal/ui';
import type { ReactNode } from 'react';
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
