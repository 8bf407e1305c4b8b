import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../../../components/TableScroll';
import { formatCalendarDate } from '../../../lib/format-compact';
import { useFormatLocale } from '../../../lib/i18n';
import { patientPath } from '../../../lib/paths';
import type { PatientSummary } from '../api/patients';

const CAPTION_ID = 'patient-results-caption';

/** Search results, in the API's order (family name, then given name). */
export function PatientResultsTable({
  patients,
  search,
}: {
  patients: PatientSummary[];
  search: string;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <TableScroll captionId={CAPTION_ID}>
      <table className="admin-table">
        <caption id={CAPTION_ID}>{t('patients.search.caption', { search })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('patients.columns.name')}</th>
            <th scope="col">{t('patients.columns.preferredName')}</th>
            <th scope="col">{t('patients.columns.mrn')}</th>
            <th scope="col">{t('patients.columns.dateOfBirth')}</th>
            <th scope="col">{t('patients.columns.sex')}</th>
          </tr>
        </thead>
        <tbody>
          {patients.map((patient) => (
            <tr key={patient.id}>
              <th scope="row">
                <Link to={patientPath(patient.id)}>
                  {t('patients.sortName', {
                    family: patient.familyName,
                    given: patient.givenName,
                  })}
                </Link>
              </th>
              <td>
                {patient.preferredName ?? <span className="admin-muted">{t('sections.none')}</span>}
              </td>
              <td className="admin-mono admin-nowrap">{patient.mrn}</td>
              <td className="admin-nowrap">
                <time dateTime={patient.dateOfBirth}>
                  {formatCalendarDate(patient.dateOfBirth, locale)}
                </time>
              </td>
              <td>{t(`patients.sex.${patient.sex}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
