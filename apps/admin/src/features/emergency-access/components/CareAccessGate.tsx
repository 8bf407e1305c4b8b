import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useOutletContext } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { Time } from '../../../components/Time';
import type { PatientRecordContext } from '../../../lib/patient-record';
import { isAboutPatient, isCareRefusal, type EmergencyAccessGrant } from '../api/emergency-access';
import { EmergencyAccessForm } from './EmergencyAccessForm';

/** Whether any query about this patient was refused for want of a care relationship. */
function useCareRefused(patientId: string): boolean {
  const cache = useQueryClient().getQueryCache();
  // The cache also speaks while a tab renders (a query is added): the check waits until after.
  const subscribe = useCallback(
    (notify: () => void) =>
      cache.subscribe((event) => {
        if (event.type === 'updated' || event.type === 'removed') queueMicrotask(notify);
      }),
    [cache],
  );
  return useSyncExternalStore(subscribe, () =>
    cache
      .getAll()
      .some(
        (query) => isAboutPatient(query.queryKey, patientId) && isCareRefusal(query.state.error),
      ),
  );
}

/**
 * Wraps the clinical tabs of the patient record (medical record, results). The tabs load as
 * usual; when the API refuses them with `care_relationship_required`, the gate explains why
 * and offers emergency access in their place, then shows them again once it is granted.
 */
export function CareAccessGate() {
  const { t } = useTranslation();
  const context = useOutletContext<PatientRecordContext>();
  const refused = useCareRefused(context.patient.id);
  const [grant, setGrant] = useState<EmergencyAccessGrant | null>(null);

  if (refused) return <EmergencyAccessForm patient={context.patient} onGranted={setGrant} />;
  return (
    <>
      {grant ? (
        <ActionMessage
          tone="warning"
          focusKey={grant.id}
          title={t('emergencyAccess.granted.title')}
        >
          {t('emergencyAccess.granted.until')} <Time value={grant.expiresAt} />.{' '}
          {t('emergencyAccess.granted.recorded')}
        </ActionMessage>
      ) : null}
      <Outlet context={context} />
    </>
  );
}
