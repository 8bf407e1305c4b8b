import { ConditionCard } from '../components/RecordItems';
import { RecordListPage } from '../components/RecordListPage';

/** One section of the record on its own page, newest first, with dates to narrow it. */
export function ConditionsPage() {
  return (
    <RecordListPage
      kind="conditions"
      copy="conditions"
      renderEntry={(entry, headingId) => (
        <ConditionCard key={entry.id} entry={entry} level={2} headingId={headingId} />
      )}
    />
  );
}
