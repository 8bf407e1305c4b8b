import { Alert } from '@portal/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { useCurrentSession } from '../../../lib/session';

export interface PatientOnlyProps {
  /** Tab title while explaining that the page is for patients. */
  title: string;
  children: (patientId: string) => ReactNode;
}

/** Test results belong to a patient record; an account without one is told so. */
export function PatientOnly({ title, children }: PatientOnlyProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  if (!user.patientId) {
    return (
      <Page title={title}>
        <Alert tone="info" announce={false}>
          {t('testResults.noPatient')}
        </Alert>
      </Page>
    );
  }
  return <>{children(user.patientId)}</>;
}
