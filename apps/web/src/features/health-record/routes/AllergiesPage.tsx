import { AllergyCard } from '../components/RecordItems';
import { RecordListPage } from '../components/RecordListPage';

/** One section of the record on its own page, newest first, with dates to narrow it. */
export function AllergiesPage() {
  return (
    <RecordListPage
      kind="allergies"
      copy="allergies"
      renderEntry={(entry, headingId) => (
        <AllergyCard key={entry.id} entry={entry} level={2} headingId={headingId} />
      )}
    />
  );
}
