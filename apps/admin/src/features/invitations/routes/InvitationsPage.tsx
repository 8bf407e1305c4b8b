import { LoadingState, Skeleton } from '@portal/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { Time } from '../../../components/Time';
import { useInfiniteQuery } from '@tanstack/react-query';
import { pagedQueryOptions } from '../../../lib/api';
import {
  INVITATION_STATUSES,
  INVITATIONS_PAGE_SIZE,
  INVITATIONS_PATH,
  type InvitationStatus,
} from '../api/invitations';
import { ActionResultMessage } from '../components/ActionResultMessage';
import { InvitationsTable } from '../components/InvitationsTable';
import type { ActionResult } from '../utils/action-result';

function isStatus(value: string | null): value is InvitationStatus {
  return (INVITATION_STATUSES as readonly (string | null)[]).includes(value);
}

/** Filter links: All, Pending, Sent…; the choice lives in the address (?status=). */
function StatusFilter({ current }: { current: InvitationStatus | undefined }) {
  const { t } = useTranslation();
  const options: { status: InvitationStatus | undefined; label: string }[] = [
    { status: undefined, label: t('invitations.filter.all') },
    ...INVITATION_STATUSES.map((status) => ({ status, label: t(`invitations.status.${status}`) })),
  ];
  return (
    <nav aria-label={t('invitations.filter.label')}>
      <ul className="admin-filter-links">
        {options.map(({ status, label }) => (
          <li key={status ?? 'all'}>
            <Link
              to={{ search: status ? `?status=${status}` : '' }}
              aria-current={status === current ? 'page' : undefined}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Every invitation, newest first, with its status and its email's delivery state, filtered by
 * status. Resend and revoke work from here as on the patient's record.
 */
export function InvitationsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const invitations = useInfiniteQuery(
    pagedQueryOptions(INVITATIONS_PATH, { query: { status, limit: INVITATIONS_PAGE_SIZE } }),
  );
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];
  const [result, setResult] = useState<{ value: ActionResult; key: number } | null>(null);
  const [now] = useState(() => Date.now());
  const oldest = items[items.length - 1];

  const onResult = (value: ActionResult) =>
    setResult((previous) => ({ value, key: (previous?.key ?? 0) + 1 }));

  const caption = status
    ? t('invitations.page.captionFiltered', { status: t(`invitations.status.${status}`) })
    : t('invitations.page.caption');

  return (
    <Page title={t('invitations.page.title')}>
      <p>{t('invitations.page.intro')}</p>
      <StatusFilter current={status} />
      {result ? <ActionResultMessage result={result.value} focusKey={result.key} /> : null}
      {invitations.isPending ? (
        <LoadingState label={t('invitations.page.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : invitations.isError && !invitations.data ? (
        <ApiErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : items.length === 0 ? (
        <p role="status">
          {status
            ? t('invitations.page.noneFiltered', { status: t(`invitations.status.${status}`) })
            : t('invitations.page.none')}
        </p>
      ) : (
        <>
          <InvitationsTable
            caption={caption}
            invitations={items}
            showPatient
            onResult={onResult}
            now={now}
          />
          {!invitations.hasNextPage && oldest ? (
            <p className="admin-muted">
              {t('invitations.page.oldest')}{' '}
              <Time value={oldest.createdAt} display="relative" now={now} />
            </p>
          ) : null}
          <QueryLoadMore list={invitations} shown={items.length} />
        </>
      )}
    </Page>
  );
}
