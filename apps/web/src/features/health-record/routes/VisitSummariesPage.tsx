import { VisitSummaryCard } from '../components/RecordItems';
import { RecordListPage } from '../components/RecordListPage';

/** One section of the record on its own page, newest first, with dates to narrow it. */
export function VisitSummariesPage() {
  return (
    <RecordListPage
      kind="visit-summaries"
      copy="visits"
      renderEntry={(entry, headingId) => (
        <VisitSummaryCard key={entry.id} entry={entry} level={2} headingId={headingId} />
      )}
    />
  );
}
