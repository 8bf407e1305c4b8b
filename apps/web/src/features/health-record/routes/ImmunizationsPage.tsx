import { ImmunizationCard } from '../components/RecordItems';
import { RecordListPage } from '../components/RecordListPage';

/** One section of the record on its own page, newest first, with dates to narrow it. */
export function ImmunizationsPage() {
  return (
    <RecordListPage
      kind="immunizations"
      copy="immunizations"
      renderEntry={(entry, headingId) => (
        <ImmunizationCard key={entry.id} entry={entry} level={2} headingId={headingId} />
      )}
    />
  );
}
