import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { canUse, type Section } from '../../lib/access';
import {
  AUDIT_LOG_PATH,
  CLINIC_SETTINGS_PATH,
  INBOX_PATH,
  INVITATIONS_PATH,
  PATIENTS_PATH,
  REFILLS_PATH,
  RESULTS_IMPORT_PATH,
  RESULTS_POLICY_PATH,
  RESULTS_REVIEW_PATH,
  SCHEDULE_PATH,
  STAFF_PATH,
} from '../../lib/paths';
import { useCurrentSession } from '../../lib/session';

const SECTIONS = [
  { section: 'patients', to: PATIENTS_PATH, label: 'nav.patients' },
  { section: 'schedule', to: SCHEDULE_PATH, label: 'nav.schedule' },
  { section: 'inbox', to: INBOX_PATH, label: 'nav.inbox' },
  { section: 'resultsReview', to: RESULTS_REVIEW_PATH, label: 'nav.resultsReview' },
  // Nurses import results without a review queue; providers reach import from the queue.
  {
    section: 'resultsImport',
    to: RESULTS_IMPORT_PATH,
    label: 'nav.resultsImport',
    unless: 'resultsReview',
  },
  { section: 'refills', to: REFILLS_PATH, label: 'nav.refills' },
  { section: 'invitations', to: INVITATIONS_PATH, label: 'nav.invitations' },
  { section: 'audit', to: AUDIT_LOG_PATH, label: 'nav.auditLog' },
  { section: 'staff', to: STAFF_PATH, label: 'nav.staff' },
  { section: 'clinicSettings', to: CLINIC_SETTINGS_PATH, label: 'nav.clinicSettings' },
  { section: 'resultsPolicyEdit', to: RESULTS_POLICY_PATH, label: 'nav.resultsPolicy' },
] as const satisfies readonly { section: Section; to: string; label: string; unless?: Section }[];

/** Menu entries for the staff sections the signed-in person's roles allow, in menu order. */
export function SectionNavItems() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  return (
    <>
      {SECTIONS.filter(
        (entry) =>
          canUse(user, entry.section) && !('unless' in entry && canUse(user, entry.unless)),
      ).map(({ section, to, label }) => (
        <li key={section}>
          <NavLink to={to} className="app-nav__link">
            {t(label)}
          </NavLink>
        </li>
      ))}
    </>
  );
}
