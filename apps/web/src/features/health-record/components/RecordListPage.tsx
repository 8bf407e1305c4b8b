import '../health-record.css';
import { Alert } from '@portal/ui';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowMore } from '../../../lib/show-more';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { HEALTH_RECORD_PATH } from '../../../lib/navigation';
import { useRecordList, type DateRange, type RecordItems, type RecordKind } from '../api';
import { dateRangeSearch, readDateRange } from '../utils/date-range';
import { DateRangeForm } from './DateRangeForm';
import { QueryPending } from '../../../components/QueryState';
import type { EntryProps } from './RecordItems';
import { PatientOnly } from '../../../components/PatientOnly';
import { ShowMore } from '../../../components/ShowMore';

/** The words of one list page, under healthRecord.lists.<copy>. */
type ListCopy =
  'conditions' | 'allergies' | 'immunizations' | 'visits' | 'carePlans' | 'medications';

export interface RecordListPageProps<K extends RecordKind> {
  kind: K;
  copy: ListCopy;
  /** One entry, as a list item with a level-2 heading. */
  Card: ComponentType<EntryProps<RecordItems[K]>>;
  /** Where to go from here besides the list (medications: refills). */
  next?: ReactNode;
}

const LIST_SKELETONS = [{ height: '7rem' }, { height: '7rem' }, { height: '7rem' }];

function entryHeadingId(kind: RecordKind, index: number): string {
  return `${kind}-entry-${index}`;
}

/**
 * One section of the record on its own page: newest first, a page at a time, narrowed by
 * dates kept in the address (?from=&to=), so Back and reload keep them.
 */
export function RecordListPage<K extends RecordKind>({
  kind,
  copy,
  Card,
  next,
}: RecordListPageProps<K>) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const range = readDateRange(params);
  const rangeKey = dateRangeSearch(range);
  const title = t(`healthRecord.lists.${copy}.title`);
  return (
    <PatientOnly title={title}>
      {(patientId) => (
        <Page title={title}>
          <p>{t(`healthRecord.lists.${copy}.intro`)}</p>
          {next}
          <DateRangeForm
            key={`filters${rangeKey}`}
            range={range}
            onApply={(next) =>
              // Synchronously: a transition started inside a submit handler makes React
              // read the form's data, which some environments cannot.
              setParams(new URLSearchParams(dateRangeSearch(next)), { flushSync: true })
            }
          />
          <RecordList
            key={`list${rangeKey}`}
            patientId={patientId}
            kind={kind}
            copy={copy}
            range={range}
            Card={Card}
          />
          <p>
            <Link to={HEALTH_RECORD_PATH}>{t('healthRecord.backToSummary')}</Link>
          </p>
        </Page>
      )}
    </PatientOnly>
  );
}

function RecordList<K extends RecordKind>({
  patientId,
  kind,
  copy,
  range,
  Card,
}: RecordListPageProps<K> & { patientId: string; range: DateRange }) {
  const { t } = useTranslation();
  const list = useRecordList(patientId, kind, range);
  const showMore = useShowMore(list, (index: number) => entryHeadingId(kind, index));

  if (!list.data) {
    return (
      <QueryPending
        query={list}
        copy={`healthRecord.lists.${copy}`}
        failedCopy="healthRecord.lists"
        skeletons={LIST_SKELETONS}
      />
    );
  }

  const entries = list.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return range.from || range.to ? (
      <Alert tone="info" announce={false}>
        <p>
          {t('healthRecord.lists.emptyFiltered')}{' '}
          <Link to={{ search: '' }}>{t('healthRecord.lists.clear')}</Link>
        </p>
      </Alert>
    ) : (
      <Alert tone="info" announce={false}>
        <p>{t(`healthRecord.lists.${copy}.empty`)}</p>
      </Alert>
    );
  }

  return (
    <>
      <ol className="ui-stack" aria-label={t(`healthRecord.lists.${copy}.label`)}>
        {entries.map((entry, index) => (
          <Card key={entry.id} entry={entry} level={2} headingId={entryHeadingId(kind, index)} />
        ))}
      </ol>
      <ShowMore list={list} copy="healthRecord.lists" onShowMore={showMore} />
    </>
  );
}
