import { Alert } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatLocale } from '../../../lib/i18n';
import { patientAppointmentsPath } from '../../../lib/paths';
import type { ScheduleConflict } from '../api/schedule';
import type { Location } from '../../../lib/catalog';
import { formatWhen } from '../utils/format';

/** Booked appointments that now fall outside the hours, each linked to the patient's list. */
export function ConflictList({
  conflicts,
  locations,
  fallbackZone,
}: {
  conflicts: ScheduleConflict[];
  locations: Map<string, Location>;
  fallbackZone: string;
}) {
  const { t } = useTranslation();
  const locale = useFormatLocale();
  return (
    <ul className="schedule-conflicts">
      {conflicts.map((conflict) => {
        const location = locations.get(conflict.locationId);
        return (
          <li key={conflict.appointmentId}>
            <Link to={patientAppointmentsPath(conflict.patientId)}>
              {t('schedule.conflicts.item', {
                when: formatWhen(conflict.startsAt, location?.timeZone ?? fallbackZone, locale),
                name: conflict.patientName,
              })}
            </Link>
            {' – '}
            {[conflict.visitTypeName, location?.name].filter(Boolean).join(', ')}
            {': '}
            {t(`schedule.conflicts.problem.${conflict.problem}`)}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Shown after a change to the hours left booked appointments outside them: they stay booked,
 * so someone has to move or cancel each one.
 */
export function ConflictAlert({
  conflicts,
  locations,
  fallbackZone,
}: {
  conflicts: ScheduleConflict[];
  locations: Map<string, Location>;
  fallbackZone: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert tone="warning" title={t('schedule.conflicts.afterSave', { count: conflicts.length })}>
      <p>{t('schedule.conflicts.stillBooked')}</p>
      <ConflictList conflicts={conflicts} locations={locations} fallbackZone={fallbackZone} />
    </Alert>
  );
}
