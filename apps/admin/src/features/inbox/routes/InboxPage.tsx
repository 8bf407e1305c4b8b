import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FlashAlert } from '../../../components/FlashAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import { QueryView } from '../../../components/QueryView';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import { $api } from '../../../lib/api';
import { useCurrentSession } from '../../../lib/session';
import {
  COUNTS,
  inboxQueryOptions,
  POOLS,
  useInboxEvents,
  type BulkResult,
  type InboxFilters,
  type InboxView,
} from '../api/inbox';
import { BulkActions, type BulkAction } from '../components/BulkActions';
import { InboxFilterFields } from '../components/InboxFilterFields';
import { InboxTable } from '../components/InboxTable';
import { ViewNav } from '../components/ViewNav';
import '../inbox.css';
import { assigneeChoices } from '../utils/assignees';
import { inboxSearch, readInboxFilters } from '../utils/filters';

type Outcome =
  | { kind: 'done'; action: BulkAction; result: BulkResult; assignee?: string }
  | { kind: 'failed'; error: unknown };

/**
 * The care-team inbox: the five views with their counts, filters kept in the address, and the
 * conversations of the chosen view with their answer-time clocks. Rows can be picked to assign
 * or close at once; the page refreshes itself as conversations change (server-sent events).
 */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = readInboxFilters(params);
  const { user } = useCurrentSession();
  const canReply = useCanUse('inboxReply');
  const canReadStaff = useCanUse('staff');
  const linkPatients = useCanUse('patients');
  useInboxEvents();

  const list = useInfiniteQuery(inboxQueryOptions(filters));
  const counts = $api.useQuery(
    'get',
    COUNTS,
    { params: { query: { poolId: filters.poolId } } },
    { refetchOnMount: 'always' },
  );
  const pools = $api.useQuery('get', POOLS);
  // Only administrators read the staff list; everyone else assigns among those already at work.
  const staffList = $api.useQuery(
    'get',
    '/api/v1/staff',
    {},
    { enabled: canReply && canReadStaff },
  );

  // The selection belongs to one view and set of filters: another one starts with none.
  const search = inboxSearch(filters);
  const [selection, setSelection] = useState<{ search: string; ids: ReadonlySet<string> }>({
    search,
    ids: new Set(),
  });
  const selected = selection.search === search ? selection.ids : new Set<string>();
  const setSelected = (update: (current: ReadonlySet<string>) => ReadonlySet<string>) =>
    setSelection((current) => ({
      search,
      ids: update(current.search === search ? current.ids : new Set()),
    }));
  const [outcome, setOutcome] = useState<{ value: Outcome; key: number } | null>(null);
  // Times are told against when the list was read, so a live refresh keeps them right.
  const now = list.dataUpdatedAt || Date.now();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const shownSelected = items.filter((item) => selected.has(item.id)).map((item) => item.id);

  const go = (next: InboxFilters) => void navigate({ search: inboxSearch(next) });
  const report = (value: Outcome) =>
    setOutcome((previous) => ({ value, key: (previous?.key ?? 0) + 1 }));

  const me = { id: user.id, name: user.displayName };
  const people = assigneeChoices(
    me,
    staffList.data?.items
      .filter((member) => member.status === 'active')
      .map((member) => ({ id: member.id, name: member.displayName })),
    items.map((item) => item.assignee),
  );

  const viewName = t(`inbox.views.${filters.view}`);
  const filtered = Boolean(filters.poolId || filters.category || filters.waitingAtLeastHours);

  return (
    <Page title={t('inbox.title')}>
      <FlashAlert />
      <ViewNav
        current={filters.view}
        counts={counts.data}
        searchFor={(view: InboxView) => inboxSearch({ ...filters, view })}
      />
      {counts.isError ? <ApiErrorAlert error={counts.error} /> : null}
      <InboxFilterFields
        filters={filters}
        pools={pools.data?.items ?? []}
        onChange={(changes) => go({ ...filters, ...changes })}
      />
      {outcome ? <BulkOutcome outcome={outcome.value} focusKey={outcome.key} /> : null}
      <section aria-labelledby="inbox-view-heading">
        <h2 id="inbox-view-heading">{viewName}</h2>
        {canReply && shownSelected.length > 0 ? (
          <BulkActions
            selected={shownSelected}
            me={me}
            people={people}
            closedView={filters.view === 'closed'}
            onDone={(action, result, assignee) => {
              setSelected(() => new Set());
              report({ kind: 'done', action, result, assignee });
            }}
            onFailed={(error) => report({ kind: 'failed', error })}
          />
        ) : null}
        <QueryView
          query={{ ...list, data: list.data ? items : undefined }}
          loadingLabel={t('inbox.loading')}
          skeletons={['2.5rem', '2.5rem', '2.5rem']}
          empty={<p role="status">{filtered ? t('inbox.noneFiltered') : t('inbox.none')}</p>}
        >
          {(rows) => (
            <>
              <InboxTable
                caption={t('inbox.table.caption', { view: viewName })}
                items={rows}
                now={now}
                linkPatients={linkPatients}
                selection={
                  canReply
                    ? {
                        selected,
                        onToggle: (id, on) =>
                          setSelected((current) => {
                            const next = new Set(current);
                            if (on) next.add(id);
                            else next.delete(id);
                            return next;
                          }),
                        onToggleAll: (on) =>
                          setSelected(() => (on ? new Set(rows.map((row) => row.id)) : new Set())),
                      }
                    : undefined
                }
              />
              <QueryLoadMore list={list} shown={rows.length} />
            </>
          )}
        </QueryView>
      </section>
    </Page>
  );
}

function BulkOutcome({ outcome, focusKey }: { outcome: Outcome; focusKey: number }) {
  const { t } = useTranslation();
  if (outcome.kind === 'failed') {
    return (
      <ActionMessage focusKey={focusKey} plain>
        <ApiErrorAlert error={outcome.error} />
      </ActionMessage>
    );
  }
  const { action, result, assignee } = outcome;
  return (
    <ActionMessage focusKey={focusKey} tone={result.notFound.length ? 'warning' : 'success'}>
      <p>{t(`inbox.bulk.done.${action}`, { count: result.changed.length, name: assignee })}</p>
      {result.notFound.length ? (
        <p>{t('inbox.bulk.notFound', { count: result.notFound.length })}</p>
      ) : null}
    </ActionMessage>
  );
}
