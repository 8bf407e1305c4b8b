import { Button } from '@portal/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { TextAreaField } from '../../../components/TextAreaField';
import { useCanUse } from '../../../lib/access';
import { fieldProblems } from '../../../lib/api-errors';
import type { PatientRecord } from '../../../lib/patient-record';
import { $api } from '../../../lib/api';
import { useEmergencyAccessGranted, type EmergencyAccessGrant } from '../api/emergency-access';

const REASON_MIN = 10;
const REASON_MAX = 500;

export interface EmergencyAccessFormProps {
  patient: PatientRecord;
  onGranted: (grant: EmergencyAccessGrant) => void;
}

/**
 * What a clinician sees instead of a clinical tab of a patient outside their care: why, and
 * (for roles that may) the "break the glass" form. The reason goes to the server, which
 * opens the record for a limited time and records the use for review.
 */
export function EmergencyAccessForm({ patient, onGranted }: EmergencyAccessFormProps) {
  const { t } = useTranslation();
  const canUse = useCanUse('emergencyAccess');
  const grant = $api.useMutation(
    'post',
    '/api/v1/patients/{patientId}/emergency-access',
    useEmergencyAccessGranted(),
  );
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const field = useRef<HTMLTextAreaElement>(null);

  const serverProblem = fieldProblems(grant.error, (name) =>
    name === 'reason' ? 'reason' : undefined,
  );
  const reasonError = problem ?? serverProblem.find((item) => item.field)?.message;
  const otherError = grant.error && !serverProblem.some((item) => item.field) ? grant.error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const length = [...reason.trim()].length;
    const invalid =
      length < REASON_MIN
        ? t('emergencyAccess.form.tooShort', { min: REASON_MIN })
        : length > REASON_MAX
          ? t('emergencyAccess.form.tooLong', { max: REASON_MAX })
          : undefined;
    setProblem(invalid);
    if (invalid) {
      field.current?.focus();
      return;
    }
    try {
      onGranted(
        await grant.mutateAsync({
          params: { path: { patientId: patient.id } },
          body: { reason: reason.trim() },
        }),
      );
    } catch {
      field.current?.focus();
    }
  };

  return (
    <section aria-labelledby="care-required-heading" className="admin-care-required">
      <h2 id="care-required-heading">{t('emergencyAccess.gate.title')}</h2>
      <p>{t('emergencyAccess.gate.body')}</p>
      {canUse ? (
        <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="ea-heading">
          <h3 id="ea-heading">{t('emergencyAccess.form.title')}</h3>
          <p>{t('emergencyAccess.form.intro')}</p>
          {otherError ? <ApiErrorAlert error={otherError} /> : null}
          <TextAreaField
            ref={field}
            label={t('emergencyAccess.form.reason')}
            hint={t('emergencyAccess.form.hint', { min: REASON_MIN, max: REASON_MAX })}
            name="reason"
            rows={3}
            value={reason}
            error={reasonError}
            onChange={(event) => setReason(event.target.value)}
          />
          <Button type="submit" busy={grant.isPending}>
            {grant.isPending ? t('sections.working') : t('emergencyAccess.form.submit')}
          </Button>
        </form>
      ) : (
        <p>{t('emergencyAccess.gate.cannotUse')}</p>
      )}
    </section>
  );
}
