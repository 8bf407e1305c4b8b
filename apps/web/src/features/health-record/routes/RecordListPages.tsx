import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MY_MEDICATIONS_PATH } from '../../../lib/navigation';
import {
  AllergyCard,
  CarePlanCard,
  ConditionCard,
  ImmunizationCard,
  MedicationCard,
  VisitSummaryCard,
} from '../components/RecordItems';
import { RecordListPage } from '../components/RecordListPage';

// Each section of the record on its own page, newest first, with dates to narrow it.

export function ConditionsPage() {
  return <RecordListPage kind="conditions" copy="conditions" Card={ConditionCard} />;
}

export function AllergiesPage() {
  return <RecordListPage kind="allergies" copy="allergies" Card={AllergyCard} />;
}

export function ImmunizationsPage() {
  return <RecordListPage kind="immunizations" copy="immunizations" Card={ImmunizationCard} />;
}

export function VisitSummariesPage() {
  return <RecordListPage kind="visit-summaries" copy="visits" Card={VisitSummaryCard} />;
}

export function CarePlansPage() {
  return <RecordListPage kind="care-plans" copy="carePlans" Card={CarePlanCard} />;
}

export function MedicationsPage() {
  const { t } = useTranslation();
  // Refill emails link to this page: the way on to asking and following refills.
  return (
    <RecordListPage
      kind="medications"
      copy="medications"
      Card={MedicationCard}
      next={
        <p>
          <Link to={MY_MEDICATIONS_PATH}>{t('healthRecord.lists.medications.refills')}</Link>
        </p>
      }
    />
  );
}
