import { Button, TextField } from '@portal/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { QueryLoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import { QueryView } from '../../../components/QueryView';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import { StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import { useCanUse } from '../../../lib/access';
import { $api } from '../../../lib/api';
import { patientPath, REFILLS_TURNAROUND_PATH, refillRequestPath } from '../../../lib/paths';
import {
  isOpen,
  REFILL_STATUSES,
  refillQueueQueryOptions,
  useRefillChange,
  type BulkApproveResult,
  type QueueFilters,
  type RefillQueueItem,
  type RefillStatus,
} from '../api/refills';
import { QueueRowDetails } from '../components/QueueRowDetails';
import { RefillStatusBadge, useAgeInWords } from '../components/RefillWords';
import '../refills.css';

const AGES = ['1', '2', '3', '7', '14'] as const;

function readFilters(params: URLSearchParams): QueueFilters {
  const status = params.get('status');
  const prescriber = params.get('prescriber')?.trim();
  const age = Number(params.get('age'));
  return {
    status: (REFILL_STATUSES as readonly (string | null)[]).includes(status)
      ? (status as RefillStatus)
      : undefined,
    prescriber: prescriber || undefined,
    olderThanDays: Number.isInteger(age) && age > 0 && age <= 365 ? age : undefined,
  };
}

/** Only routine requests (refills, still open) are approved in bulk, with their defaults. */
function isRoutine(item: RefillQueueItem): boolean {
  return item.kind === 'refill' && isOpen(item.status);
}

function QueueFiltersForm({ filters }: { filters: QueueFilters }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const [status, setStatus] = useState<string>(filters.status ?? '');
  const [prescriber, setPrescriber] = useState(filters.prescriber ?? '');
  const [age, setAge] = useState(filters.olderThanDays ? String(filters.olderThanDays) : '');

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (status) next.set('status', status);
    if (prescriber.trim()) next.set('prescriber', prescriber.trim());
    if (age) next.set('age', age);
    // flushSync rather than a transition: the submit event must not become a React form action.
    setParams(next, { flushSync: true });
  };

  return (
    <form
      className="admin-filters"
      role="search"
      aria-label={t('refills.filters.label')}
      onSubmit={apply}
    >
      <SelectField
        name="status"
        label={t('refills.filters.status')}
        value={status}
        onChange={(event) => setStatus(event.target.value)}
        options={[
          { value: '', label: t('refills.filters.open') },
          ...REFILL_STATUSES.map((value) => ({ value, label: t(`refills.status.${value}`) })),
        ]}
      />
      <TextField
        name="prescriber"
        label={t('refills.filters.prescriber')}
        hint={t('refills.filters.prescriberHint')}
        autoComplete="off"
        maxLength={200}
        value={prescriber}
        onChange={(event) => setPrescriber(event.target.value)}
      />
      <SelectField
        name="age"
        label={t('refills.filters.age')}
        value={age}
        onChange={(event) => setAge(event.target.value)}
        options={[
          { value: '', label: t('refills.filters.anyAge') },
          ...AGES.map((days) => ({
            value: days,
            label: t('refills.filters.olderThan', { count: Number(days) }),
          })),
        ]}
      />
      <div className="ui-actions">
        <Button type="submit" variant="secondary">
          {t('refills.filters.apply')}
        </Button>
      </div>
    </form>
  );
}

function BulkResult({
  result,
  names,
  focusKey,
}: {
  result: BulkApproveResult;
  names: Map<string, string>;
  focusKey: number;
}) {
  const { t } = useTranslation();
  const nameOf = (id: string) => names.get(id) ?? t('refills.bulk.unknown');
  return (
    <ActionMessage
      tone={result.notApproved.length === 0 ? 'success' : 'warning'}
      title={t('refills.bulk.resultTitle', {
        approved: result.approved.length,
        total: result.approved.length + result.notApproved.length,
      })}
      focusKey={focusKey}
    >
      <ul>
        {result.approved.map((id) => (
          <li key={id}>{t('refills.bulk.approvedOne', { name: nameOf(id) })}</li>
        ))}
        {result.notApproved.map((item) => (
          <li key={item.id}>
            {t('refills.bulk.notApprovedOne', { name: nameOf(item.id), reason: item.reason })}
          </li>
        ))}
      </ul>
    </ActionMessage>
  );
}

/**
 * The refill queue, oldest first: who asks for what, how long it has waited (flagged in words
 * after two business days untouched), with the medication's history and the last visit beside
 * each. Routine requests can be approved together with their defaults.
 */
export function RefillQueuePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const queue = useInfiniteQuery(refillQueueQueryOptions(filters));
  const canDecide = useCanUse('refillsDecide');
  const ageInWords = useAgeInWords();
  const [now] = useState(() => Date.now());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{
    value: BulkApproveResult;
    names: Map<string, string>;
    key: number;
  } | null>(null);
  const bulk = $api.useMutation('post', '/api/v1/refill-requests/bulk-approve', useRefillChange());
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const chosen = items.filter((item) => selected.has(item.id) && isRoutine(item));

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const approveSelected = () => {
    const names = new Map(
      chosen.map((item) => [
        item.id,
        t('refills.bulk.nameOf', { medication: item.medicationName, patient: item.patient.name }),
      ]),
    );
    bulk.mutate(
      { body: { requestIds: chosen.map((item) => item.id) } },
      {
        onSuccess: (value) => {
          setConfirming(false);
          setSelected(new Set());
          setResult((previous) => ({ value, names, key: (previous?.key ?? 0) + 1 }));
        },
      },
    );
  };

  const columns = [
    ...(canDecide
      ? [
          <span key="select" className="ui-visually-hidden">
            {t('refills.queue.select')}
          </span>,
        ]
      : []),
    t('refills.queue.patient'),
    t('refills.queue.medication'),
    t('refills.queue.kind'),
    t('refills.queue.requested'),
    t('refills.queue.age'),
    t('refills.queue.status'),
    t('refills.queue.prescriber'),
    t('refills.queue.pharmacy'),
  ];

  return (
    <Page title={t('refills.title')}>
      <div className="admin-page-actions">
        <Link to={REFILLS_TURNAROUND_PATH}>{t('refills.turnaround.link')}</Link>
      </div>
      <QueueFiltersForm key={params.toString()} filters={filters} />
      {result ? (
        <BulkResult result={result.value} names={result.names} focusKey={result.key} />
      ) : null}
      <QueryView
        // A failed "Load more" is said by the footer; the rows already shown stay.
        query={{ ...queue, isError: queue.isError && !queue.data }}
        loadingLabel={t('refills.queue.loading')}
        skeletons={['2.5rem', '2.5rem', '2.5rem']}
        isEmpty={() => items.length === 0}
        empty={<p role="status">{t('refills.queue.empty')}</p>}
      >
        {() => (
          <>
            <p role="status">
              {t('refills.queue.oldest', {
                count: items.length,
                age: ageInWords(items[0]!.requestedAt, now),
              })}
            </p>
            {canDecide ? (
              <div className="ui-actions">
                <Button
                  variant="primary"
                  disabled={chosen.length === 0}
                  onClick={() => {
                    bulk.reset();
                    setConfirming(true);
                  }}
                >
                  {t('refills.bulk.approve', { count: chosen.length })}
                </Button>
                <p className="admin-muted">{t('refills.bulk.hint')}</p>
              </div>
            ) : null}
            <DataTable
              captionId="refill-queue-caption"
              caption={t('refills.queue.caption')}
              columns={columns}
            >
              {items.map((item) => (
                <tr key={item.id}>
                  {canDecide ? (
                    <td>
                      {isRoutine(item) ? (
                        <input
                          type="checkbox"
                          className="refills-check"
                          checked={selected.has(item.id)}
                          aria-label={t('refills.queue.selectOne', {
                            medication: item.medicationName,
                            patient: item.patient.name,
                          })}
                          onChange={(event) => toggle(item.id, event.target.checked)}
                        />
                      ) : null}
                    </td>
                  ) : null}
                  <th scope="row">
                    <Link to={patientPath(item.patient.id)}>{item.patient.name}</Link>
                    <div className="admin-muted">
                      {t('refills.queue.mrn')}{' '}
                      <span className="admin-mono">{item.patient.mrn}</span>
                    </div>
                  </th>
                  <td>
                    <Link to={refillRequestPath(item.id)}>{item.medicationName}</Link>
                    <QueueRowDetails item={item} />
                  </td>
                  <td>{t(`refills.kind.${item.kind}`)}</td>
                  <td className="admin-nowrap">
                    <Time value={item.requestedAt} />
                  </td>
                  <td className="admin-nowrap">{ageInWords(item.requestedAt, now)}</td>
                  <td>
                    <span className="admin-badges">
                      <RefillStatusBadge status={item.status} />
                      {item.stale ? (
                        <StatusBadge tone="warning">{t('refills.queue.stale')}</StatusBadge>
                      ) : null}
                    </span>
                  </td>
                  <td>{item.prescriber ?? t('refills.queue.noPrescriber')}</td>
                  <td>{item.pharmacy.name}</td>
                </tr>
              ))}
            </DataTable>
            <QueryLoadMore list={queue} shown={items.length} />
          </>
        )}
      </QueryView>
      <ConfirmDialog
        open={confirming}
        title={t('refills.bulk.confirmTitle', { count: chosen.length })}
        description={t('refills.bulk.confirmBody', { count: chosen.length })}
        confirmLabel={t('refills.bulk.confirm', { count: chosen.length })}
        busy={bulk.isPending}
        error={bulk.error ?? undefined}
        onConfirm={approveSelected}
        onCancel={() => setConfirming(false)}
      />
    </Page>
  );
}
