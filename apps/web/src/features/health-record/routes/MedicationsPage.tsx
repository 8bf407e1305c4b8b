import { MedicationCard } from '../components/RecordItems';
import { RecordListPage } from '../components/RecordListPage';

/** One section of the record on its own page, newest first, with dates to narrow it. */
export function MedicationsPage() {
  return (
    <RecordListPage
      kind="medications"
      copy="medications"
      renderEntry={(entry, headingId) => (
        <MedicationCard key={entry.id} entry={entry} level={2} headingId={headingId} />
      )}
    />
  );
}
