import { LoadingState, Skeleton } from '@portal/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { StatusBadge } from '../../../components/StatusBadge';
import { Time } from '../../../components/Time';
import { $api } from '../../../lib/api';
import {
  EMERGENCY_ACCESS_REVIEW_PATH,
  INBOX_PATH,
  INVITATIONS_PATH,
  patientInvitationsPath,
  patientResultsPath,
  REFILLS_PATH,
  refillRequestPath,
  RESULTS_REVIEW_PATH,
} from '../../../lib/paths';
import { BLOCK_ITEMS, WORKLIST_QUERY, type WaitingInvitation } from '../api/home';
import { WorkBlock } from './WorkBlock';

interface Loadable {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Loading and failure the same way in every queue block; `ready` once the answer is in. */
function QueueBody({
  query,
  label,
  ready,
}: {
  query: Loadable;
  label: string;
  ready: () => ReactNode;
}) {
  if (query.isPending) {
    return (
      <LoadingState label={label}>
        <Skeleton height="3rem" />
      </LoadingState>
    );
  }
  if (query.isError) {
    return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{ready()}</>;
}

/** Results held for review: how many, since when, and the oldest few, for providers. */
export function ResultsWaiting() {
  const { t } = useTranslation();
  const queue = $api.useQuery(
    'get',
    '/api/v1/results/review-queue',
    { params: { query: { limit: BLOCK_ITEMS } } },
    WORKLIST_QUERY,
  );
  const total = queue.data?.total;
  return (
    <WorkBlock
      id="home-results"
      title={t('home.results.title')}
      count={total ? t('home.waiting', { count: total }) : undefined}
      footer={<Link to={RESULTS_REVIEW_PATH}>{t('home.results.open')}</Link>}
    >
      <QueueBody
        query={queue}
        label={t('home.results.loading')}
        ready={() =>
          !queue.data || queue.data.items.length === 0 ? (
            <p>{t('home.results.empty')}</p>
          ) : (
            <>
              {queue.data.oldestIssuedAt ? (
                <p className="admin-muted">
                  {t('home.results.oldest')}{' '}
                  <Time value={queue.data.oldestIssuedAt} display="relative" />
                </p>
              ) : null}
              <ul className="home-list">
                {queue.data.items.map((item) => (
                  <li key={item.id} className="home-list__item">
                    <span className="home-list__main">
                      <Link to={patientResultsPath(item.patientId, item.id)}>{item.title}</Link>{' '}
                      <span className="admin-muted">
                        {item.patient.displayName} · {t('home.mrn')}{' '}
                        <span className="admin-mono">{item.patient.mrn}</span>
                      </span>
                    </span>
                    {item.abnormal ? (
                      <StatusBadge tone="warning">{t('home.results.abnormal')}</StatusBadge>
                    ) : null}
                    <Time value={item.issuedAt} display="relative" />
                  </li>
                ))}
              </ul>
            </>
          )
        }
      />
    </WorkBlock>
  );
}

/** Open refill requests, oldest few first, with the ones waiting too long flagged in words. */
export function RefillsWaiting() {
  const { t } = useTranslation();
  const queue = $api.useQuery(
    'get',
    '/api/v1/refill-queue',
    { params: { query: { limit: BLOCK_ITEMS } } },
    WORKLIST_QUERY,
  );
  const items = queue.data?.items ?? [];
  return (
    <WorkBlock
      id="home-refills"
      title={t('home.refills.title')}
      count={
        items.length
          ? queue.data?.nextCursor
            ? t('home.waitingMore', { count: items.length })
            : t('home.waiting', { count: items.length })
          : undefined
      }
      footer={<Link to={REFILLS_PATH}>{t('home.refills.open')}</Link>}
    >
      <QueueBody
        query={queue}
        label={t('home.refills.loading')}
        ready={() =>
          items.length === 0 ? (
            <p>{t('home.refills.empty')}</p>
          ) : (
            <ul className="home-list">
              {items.map((item) => (
                <li key={item.id} className="home-list__item">
                  <span className="home-list__main">
                    <Link to={refillRequestPath(item.id)}>{item.medicationName}</Link>{' '}
                    <span className="admin-muted">
                      {item.patient.name} · {t('home.mrn')}{' '}
                      <span className="admin-mono">{item.patient.mrn}</span>
                    </span>
                  </span>
                  {item.stale ? (
                    <StatusBadge tone="warning">{t('home.refills.flagged')}</StatusBadge>
                  ) : null}
                  <Time value={item.requestedAt} display="relative" />
                </li>
              ))}
            </ul>
          )
        }
      />
    </WorkBlock>
  );
}

function InvitationItem({ invitation }: { invitation: WaitingInvitation }) {
  const { t } = useTranslation();
  return (
    <li className="home-list__item">
      <span className="home-list__main">
        <Link to={patientInvitationsPath(invitation.patientId)}>{invitation.patientName}</Link>{' '}
        <span className="admin-muted">
          {t('home.mrn')} <span className="admin-mono">{invitation.patientMrn}</span>
        </span>
      </span>
      {invitation.status === 'expired' ? (
        <StatusBadge tone="warning">{t('invitations.status.expired')}</StatusBadge>
      ) : invitation.deliveryStatus === 'failed' ? (
        <StatusBadge tone="error">{t('invitations.delivery.failed')}</StatusBadge>
      ) : (
        <StatusBadge tone="info">{t('home.invitations.unopened')}</StatusBadge>
      )}
      <span className="admin-muted">
        {invitation.status === 'expired'
          ? t('home.invitations.expired')
          : t('home.invitations.sent')}{' '}
        <Time
          value={
            invitation.status === 'expired'
              ? invitation.expiresAt
              : (invitation.sentAt ?? invitation.createdAt)
          }
          display="relative"
        />
      </span>
    </li>
  );
}

/**
 * Invitations worth sending again: expired ones, and sent ones not yet used (the patient has
 * not registered), oldest few of each; resending is done on the invitations page.
 */
export function InvitationsToResend() {
  const { t } = useTranslation();
  const expired = $api.useQuery(
    'get',
    '/api/v1/invitations',
    { params: { query: { status: 'expired', limit: BLOCK_ITEMS } } },
    WORKLIST_QUERY,
  );
  const unopened = $api.useQuery(
    'get',
    '/api/v1/invitations',
    { params: { query: { status: 'sent', limit: BLOCK_ITEMS } } },
    WORKLIST_QUERY,
  );
  const failed = expired.isError ? expired : unopened;
  const query: Loadable = {
    isPending: expired.isPending || unopened.isPending,
    isError: expired.isError || unopened.isError,
    error: failed.error,
    refetch: () => Promise.all([expired.refetch(), unopened.refetch()]),
  };
  const items = [...(expired.data?.items ?? []), ...(unopened.data?.items ?? [])];
  const more = Boolean(expired.data?.nextCursor || unopened.data?.nextCursor);
  return (
    <WorkBlock
      id="home-invitations"
      title={t('home.invitations.title')}
      count={
        items.length
          ? more
            ? t('home.waitingMore', { count: items.length })
            : t('home.waiting', { count: items.length })
          : undefined
      }
      footer={<Link to={INVITATIONS_PATH}>{t('home.invitations.open')}</Link>}
    >
      <QueueBody
        query={query}
        label={t('home.invitations.loading')}
        ready={() =>
          items.length === 0 ? (
            <p>{t('home.invitations.empty')}</p>
          ) : (
            <ul className="home-list">
              {items.map((invitation) => (
                <InvitationItem key={invitation.id} invitation={invitation} />
              ))}
            </ul>
          )
        }
      />
    </WorkBlock>
  );
}

/** Emergency accesses (break the glass) not yet reviewed, for admins. */
export function GrantsToReview() {
  const { t } = useTranslation();
  const grants = $api.useQuery(
    'get',
    '/api/v1/emergency-access',
    { params: { query: { reviewed: 'false', limit: BLOCK_ITEMS } } },
    WORKLIST_QUERY,
  );
  const items = grants.data?.items ?? [];
  return (
    <WorkBlock
      id="home-grants"
      title={t('home.grants.title')}
      count={
        items.length
          ? grants.data?.nextCursor
            ? t('home.waitingMore', { count: items.length })
            : t('home.waiting', { count: items.length })
          : undefined
      }
      footer={<Link to={EMERGENCY_ACCESS_REVIEW_PATH}>{t('home.grants.open')}</Link>}
    >
      <QueueBody
        query={grants}
        label={t('home.grants.loading')}
        ready={() =>
          items.length === 0 ? (
            <p>{t('home.grants.empty')}</p>
          ) : (
            <ul className="home-list">
              {items.map((grant) => (
                <li key={grant.id} className="home-list__item">
                  <span className="home-list__main">
                    {t('home.grants.who', {
                      staff: grant.staff.displayName,
                      patient: grant.patient.name,
                    })}{' '}
                    <span className="admin-muted">
                      {t('home.mrn')} <span className="admin-mono">{grant.patient.mrn}</span>
                    </span>
                  </span>
                  <Time value={grant.grantedAt} display="relative" />
                </li>
              ))}
            </ul>
          )
        }
      />
    </WorkBlock>
  );
}

/** The inbox views a staff member works from, as home shows them. */
const MESSAGE_VIEWS = [
  { view: 'unassigned', search: '' },
  { view: 'mine', search: '?view=mine' },
] as const;

/**
 * Messages waiting: how many conversations nobody has taken yet and how many are assigned to
 * this person, each with how many hold a patient message they have not opened.
 */
export function MessagesWaiting() {
  const { t } = useTranslation();
  const counts = $api.useQuery('get', '/api/v1/inbox/counts', {}, WORKLIST_QUERY);
  const rows = MESSAGE_VIEWS.map(({ view, search }) => ({
    view,
    search,
    count: counts.data?.views.find((entry) => entry.view === view) ?? {
      view,
      total: 0,
      unread: 0,
    },
  }));
  const total = rows.reduce((sum, row) => sum + row.count.total, 0);
  return (
    <WorkBlock
      id="home-messages"
      title={t('home.messages.title')}
      count={total ? t('home.waiting', { count: total }) : undefined}
      footer={<Link to={INBOX_PATH}>{t('home.messages.open')}</Link>}
    >
      <QueueBody
        query={counts}
        label={t('home.messages.loading')}
        ready={() =>
          total === 0 ? (
            <p>{t('home.messages.empty')}</p>
          ) : (
            <ul className="home-list">
              {rows.map(({ view, search, count }) => (
                <li key={view} className="home-list__item">
                  <span className="home-list__main">
                    <Link to={`${INBOX_PATH}${search}`}>{t(`home.messages.${view}`)}</Link>{' '}
                    {t('home.messages.count', { count: count.total })}
                  </span>
                  {count.unread > 0 ? (
                    <StatusBadge tone="info">
                      {t('home.messages.unread', { count: count.unread })}
                    </StatusBadge>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      />
    </WorkBlock>
  );
}
