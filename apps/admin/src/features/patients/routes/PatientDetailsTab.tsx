import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Time } from '../../../components/Time';
import { useCanUse } from '../../../lib/access';
import { formatCalendarDate } from '../../../lib/format-compact';
import { useFormatLocale } from '../../../lib/i18n';
import { editPatientPath, patientAccessLogPath } from '../../../lib/paths';
import { usePatientRecord } from '../../../lib/patient-record';

/** The patient's demographics, with when the record was created and last changed. */
export function PatientDetailsTab() {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  const patient = usePatientRecord();
  const canEdit = useCanUse('patientEdit');
  const canSeeAccessLog = useCanUse('accessLog');
  const none = <span className="admin-muted">{t('sections.none')}</span>;
  const address = patient.address;

  return (
    <section className="ui-card" aria-labelledby="patient-details-heading">
      <h2 id="patient-details-heading">{t('patients.details.title')}</h2>
      {canEdit ? (
        <div className="admin-page-actions">
          <Link className="ui-button ui-button--secondary" to={editPatientPath(patient.id)}>
            {t('patients.details.edit')}
          </Link>
        </div>
      ) : null}
      <dl className="ui-details">
        <dt>{t('patients.fields.givenName')}</dt>
        <dd>{patient.givenName}</dd>
        <dt>{t('patients.fields.familyName')}</dt>
        <dd>{patient.familyName}</dd>
        <dt>{t('patients.columns.preferredName')}</dt>
        <dd>{patient.preferredName ?? none}</dd>
        <dt>{t('patients.fields.mrn')}</dt>
        <dd className="admin-mono">{patient.mrn}</dd>
        <dt>{t('patients.fields.dateOfBirth')}</dt>
        <dd>
          <time dateTime={patient.dateOfBirth}>
            {formatCalendarDate(patient.dateOfBirth, locale)}
          </time>
        </dd>
        <dt>{t('patients.fields.sex')}</dt>
        <dd>{t(`patients.sex.${patient.sex}`)}</dd>
        <dt>{t('patients.columns.email')}</dt>
        <dd>{patient.email ?? none}</dd>
        <dt>{t('patients.columns.mobilePhone')}</dt>
        <dd>{patient.mobilePhone ?? none}</dd>
        <dt>{t('patients.details.address')}</dt>
        <dd>
          {address ? (
            <address className="admin-address">
              {address.line1}
              <br />
              {address.line2 ? (
                <>
                  {address.line2}
                  <br />
                </>
              ) : null}
              {t('patients.details.cityLine', {
                city: address.city,
                region: address.region,
                postalCode: address.postalCode,
              })}
              <br />
              {address.country}
            </address>
          ) : (
            none
          )}
        </dd>
        <dt>{t('patients.details.created')}</dt>
        <dd>
          <Time value={patient.createdAt} />
        </dd>
        <dt>{t('patients.details.updated')}</dt>
        <dd>
          <Time value={patient.updatedAt} />
        </dd>
      </dl>
      {canSeeAccessLog ? (
        <p>
          <Link to={patientAccessLogPath(patient.id)}>{t('patients.details.whoChanged')}</Link>
        </p>
      ) : null}
    </section>
  );
}
