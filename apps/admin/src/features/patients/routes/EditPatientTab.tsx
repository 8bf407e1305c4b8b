import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { flashState } from '../../../lib/flash';
import { patientPath } from '../../../lib/paths';
import { usePatientRecord } from '../../../lib/patient-record';
import { $api } from '../../../lib/api';
import { usePatientChange } from '../api/patients';
import { PatientForm } from '../components/PatientForm';
import { toFormValues, toUpdateRequest } from '../utils/patient-form';

/** Changes the patient's demographics; only the fields that changed are sent. */
export function EditPatientTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const patient = usePatientRecord();
  // Only the fields sent change.
  const updatePatient = $api.useMutation(
    'patch',
    '/api/v1/patients/{patientId}',
    usePatientChange(),
  );
  const initialValues = toFormValues(patient);

  return (
    <section aria-labelledby="edit-patient-heading">
      <h2 id="edit-patient-heading">{t('patients.edit.title')}</h2>
      <PatientForm
        label={t('patients.edit.title')}
        initialValues={initialValues}
        submitLabel={t('patients.edit.submit')}
        cancelTo={patientPath(patient.id)}
        onSubmit={async (values) => {
          const changes = toUpdateRequest(initialValues, values);
          if (Object.keys(changes).length === 0) {
            await navigate(patientPath(patient.id), {
              state: flashState(t('patients.edit.unchanged')),
            });
            return;
          }
          await updatePatient.mutateAsync({
            params: { path: { patientId: patient.id } },
            body: changes,
          });
          await navigate(patientPath(patient.id), { state: flashState(t('patients.edit.saved')) });
        }}
      />
    </section>
  );
}
