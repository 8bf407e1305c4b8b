import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../../components/Page';
import { flashState } from '../../../lib/flash';
import { PATIENTS_PATH, patientPath } from '../../../lib/paths';
import { patientFullName } from '../../../lib/patient-record';
import { useCreatePatient } from '../api/create-patient';
import { PatientForm } from '../components/PatientForm';
import { EMPTY_PATIENT_FORM, toCreateRequest } from '../utils/patient-form';

/** Registers a patient; the new record opens with its generated MRN. */
export function NewPatientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createPatient = useCreatePatient();

  return (
    <Page title={t('patients.new.title')}>
      <p>{t('patients.new.intro')}</p>
      <PatientForm
        label={t('patients.new.title')}
        initialValues={EMPTY_PATIENT_FORM}
        submitLabel={t('patients.new.submit')}
        cancelTo={PATIENTS_PATH}
        onSubmit={async (values) => {
          const patient = await createPatient.mutateAsync(toCreateRequest(values));
          await navigate(patientPath(patient.id), {
            state: flashState(
              t('patients.new.created', { name: patientFullName(patient), mrn: patient.mrn }),
            ),
          });
        }}
      />
    </Page>
  );
}
