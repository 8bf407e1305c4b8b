import { LoadingState, Skeleton, TwoColumn } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FlashAlert } from '../../../components/FlashAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import { ageInYears, formatCalendarDate, localToday } from '../../../lib/format-compact';
import { useFormatLocale } from '../../../lib/i18n';
import {
  PATIENTS_PATH,
  patientAccessLogPath,
  patientAppointmentsPath,
  patientHealthRecordPath,
  patientInvitationsPath,
  patientPath,
  patientResultsPath,
  patientSendMessagePath,
} from '../../../lib/paths';
import {
  patientFullName,
  type PatientRecord,
  type PatientRecordContext,
} from '../../../lib/patient-record';
import { $api } from '../../../lib/api';

function RecordTabs({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const canSeeAppointments = useCanUse('patientAppointments');
  const canSeeHealthRecord = useCanUse('patientHealthRecord');
  const canInvite = useCanUse('invitations');
  const canSeeAccessLog = useCanUse('accessLog');
  const canMessage = useCanUse('inboxReply');
  const details = patientPath(patientId);
  const tabs = [
    // Details stays current while its edit form is open.
    {
      to: details,
      label: t('patients.tabs.details'),
      current: pathname === details || pathname === `${details}/edit`,
    },
    ...(canSeeHealthRecord
      ? [
          { to: patientHealthRecordPath(patientId), label: t('patients.tabs.record') },
          { to: patientResultsPath(patientId), label: t('patients.tabs.results') },
        ]
      : []),
    ...(canSeeAppointments
      ? [{ to: patientAppointmentsPath(patientId), label: t('patients.tabs.appointments') }]
      : []),
    ...(canInvite
      ? [{ to: patientInvitationsPath(patientId), label: t('patients.tabs.invitations') }]
      : []),
    ...(canMessage
      ? [{ to: patientSendMessagePath(patientId), label: t('patients.tabs.sendMessage') }]
      : []),
    ...(canSeeAccessLog
      ? [{ to: patientAccessLogPath(patientId), label: t('patients.tabs.accessLog') }]
      : []),
  ].map((tab) => ({ current: pathname === tab.to, ...tab }));

  return (
    <nav className="admin-tabs" aria-label={t('patients.tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <Link to={tab.to} aria-current={tab.current ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function RecordHeader({ patient }: { patient: PatientRecord }) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <ul className="admin-record-facts" aria-label={t('patients.record.factsLabel')}>
      <li>
        {t('patients.fields.mrn')}: <strong className="admin-mono">{patient.mrn}</strong>
      </li>
      <li>
        {t('patients.record.born')}:{' '}
        <strong>
          <time dateTime={patient.dateOfBirth}>
            {formatCalendarDate(patient.dateOfBirth, locale)}
          </time>
        </strong>{' '}
        ({t('patients.record.age', { count: ageInYears(patient.dateOfBirth, localToday()) })})
      </li>
      <li>
        {t('patients.fields.sex')}: <strong>{t(`patients.sex.${patient.sex}`)}</strong>
      </li>
      {patient.preferredName ? (
        <li>
          {t('patients.columns.preferredName')}: <strong>{patient.preferredName}</strong>
        </li>
      ) : null}
    </ul>
  );
}

/**
 * One patient's record: who it is (name, MRN, date of birth) beside tabs for its sections on
 * wide screens, above them on phones.
 * The tab title stays "Patient record": names never go in titles, which show in history.
 */
export function PatientRecordLayout() {
  const { t } = useTranslation();
  const { patientId = '' } = useParams();
  // Each read is audited.
  const patient = $api.useQuery('get', '/api/v1/patients/{patientId}', {
    params: { path: { patientId } },
  });

  if (patient.isPending) {
    return (
      <LoadingState label={t('patients.record.loading')}>
        <Skeleton width="40%" height="2rem" />
        <Skeleton width="70%" />
        <Skeleton height="3rem" />
      </LoadingState>
    );
  }

  if (patient.isError) {
    return (
      <Page title={t('patients.record.title')}>
        <ApiErrorAlert error={patient.error} onRetry={() => void patient.refetch()} />
        <p>
          <Link to={PATIENTS_PATH}>{t('patients.record.backToSearch')}</Link>
        </p>
      </Page>
    );
  }

  const context: PatientRecordContext = { patient: patient.data };
  return (
    <Page title={t('patients.record.title')} heading={patientFullName(patient.data)}>
      <TwoColumn className="admin-record" summary={<RecordHeader patient={patient.data} />}>
        <RecordTabs patientId={patient.data.id} />
        <FlashAlert />
        <Outlet context={context} />
      </TwoColumn>
    </Page>
  );
}
