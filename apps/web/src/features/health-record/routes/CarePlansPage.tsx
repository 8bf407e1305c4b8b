import { CarePlanCard } from '../components/RecordItems';
import { RecordListPage } from '../components/RecordListPage';

/** One section of the record on its own page, newest first, with dates to narrow it. */
export function CarePlansPage() {
  return (
    <RecordListPage
      kind="care-plans"
      copy="carePlans"
      renderEntry={(entry, headingId) => (
        <CarePlanCard key={entry.id} entry={entry} level={2} headingId={headingId} />
      )}
    />
  );
}
