import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMessage } from '../../../components/ActionMessage';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import { usePatientRecord } from '../../../lib/patient-record';
import { RecordSection } from '../components/RecordSection';
import '../health-records.css';
import { KIND_SPECS } from '../utils/kinds';

/**
 * The chart's medical record tab: conditions, allergies, immunizations, visit summaries,
 * care plans and medications, each a table with who recorded it and when. Providers and nurses add and
 * correct; every correction keeps the earlier version, shown in the history.
 */
export function PatientHealthRecordTab() {
  const { t } = useTranslation();
  const patient = usePatientRecord();
  const canEdit = useCanUse('healthRecordEdit');
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);

  return (
    <section aria-labelledby="hr-heading">
      <h2 id="hr-heading">{t('healthRecords.title')}</h2>
      {message ? <ActionMessage focusKey={message.key}>{message.text}</ActionMessage> : null}
      {KIND_SPECS.map((spec) => (
        <RecordSection
          key={spec.kind}
          patientId={patient.id}
          spec={spec}
          canEdit={canEdit}
          onDone={(text) => setMessage((previous) => ({ text, key: (previous?.key ?? 0) + 1 }))}
        />
      ))}
    </section>
  );
}
