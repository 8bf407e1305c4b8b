import { LoadingState, Skeleton } from '@portal/ui';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { Page } from '../../../components/Page';
import '../../../components/sections.css';
import { useCanUse } from '../../../lib/access';
import { fieldProblems } from '../../../lib/api-errors';
import { EMERGENCY_ACCESS_REVIEW_PATH } from '../../../lib/paths';
import { keepPreviousData } from '@tanstack/react-query';
import { $api } from '../../../lib/api';
import { AUDIT_PAGE_SIZE } from '../api/audit-log';
import { AuditFilters } from '../components/AuditFilters';
import { AuditTable } from '../components/AuditTable';
import {
  filterFieldFor,
  filterSearchParams,
  readFilters,
  toAuditQuery,
  type AuditFilterField,
} from '../utils/filters';

/**
 * Pages already seen, carried in history state (not the address): "Previous page" returns to
 * them. A shared link starts a fresh trail and offers "Newest events" instead.
 */
interface PagingState {
  previousCursors?: string[];
}

function previousCursors(state: unknown): string[] {
  const value =
    typeof state === 'object' && state !== null
      ? (state as PagingState).previousCursors
      : undefined;
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function withCursor(params: URLSearchParams, cursor: string | undefined): string {
  const next = new URLSearchParams(params);
  if (cursor) next.set('cursor', cursor);
  else next.delete('cursor');
  return next.toString();
}

/**
 * The audit trail, newest first. Filters and the page (cursor) live in the address, so an
 * investigation can be bookmarked or handed to a colleague exactly as it is on screen.
 */
export function AuditLogPage() {
  const { t } = useTranslation();
  const canReviewEmergencyAccess = useCanUse('emergencyAccessReview');
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const cursor = params.get('cursor') ?? undefined;
  const trail = previousCursors(location.state);
  // Newest first, one cursor page; reading the trail is itself recorded (audit.read).
  const events = $api.useQuery(
    'get',
    '/api/v1/audit-events',
    { params: { query: { ...toAuditQuery(filters, cursor), limit: AUDIT_PAGE_SIZE } } },
    // The previous page stays on screen while the next one loads: nothing jumps.
    { placeholderData: keepPreviousData },
  );
  const filtered = filterSearchParams(filters).toString() !== '';

  const serverErrors: Partial<Record<AuditFilterField, string>> = {};
  for (const { field, message } of fieldProblems(events.error, filterFieldFor)) {
    if (field) serverErrors[field] ??= message;
  }
  const onlyFieldErrors = Object.keys(serverErrors).length > 0;

  const filterLink = (field: 'actorAccountId' | 'patientId', value: string) => {
    const next = filterSearchParams({ ...filters, [field]: value });
    return `?${next.toString()}`;
  };

  const page = events.data;
  const pageNumber = cursor ? (trail.length > 0 ? trail.length + 1 : undefined) : 1;
  const caption = [
    filtered ? t('audit.page.captionFiltered') : t('audit.page.caption'),
    pageNumber ? t('audit.page.pageNumber', { page: pageNumber }) : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <Page title={t('audit.page.title')}>
      <p>{t('audit.page.intro')}</p>
      {canReviewEmergencyAccess ? (
        <p>
          <Link to={EMERGENCY_ACCESS_REVIEW_PATH}>{t('audit.page.emergencyAccessLink')}</Link>
        </p>
      ) : null}
      <AuditFilters
        key={filterSearchParams(filters).toString()}
        initialValues={filters}
        serverErrors={serverErrors}
        onApply={(values) =>
          // flushSync rather than a transition: see PatientSearchPage (form submit events).
          void navigate({ search: filterSearchParams(values).toString() }, { flushSync: true })
        }
      />
      {events.isPending ? (
        <LoadingState label={t('audit.page.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : events.isError && !onlyFieldErrors ? (
        <ApiErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : events.isError ? null : page && page.items.length === 0 ? (
        <p role="status">{filtered ? t('audit.page.noneFiltered') : t('audit.page.none')}</p>
      ) : page ? (
        <div aria-busy={events.isPlaceholderData || undefined}>
          <AuditTable caption={caption} events={page.items} filterLink={filterLink} />
          <nav className="admin-list-footer" aria-label={t('audit.page.pagesLabel')}>
            <p role="status" className="admin-muted">
              {t('audit.page.shown', { count: page.items.length })}
            </p>
            {cursor && trail.length > 0 ? (
              <Link
                to={{ search: withCursor(params, trail[trail.length - 1] || undefined) }}
                state={{ previousCursors: trail.slice(0, -1) } satisfies PagingState}
              >
                {t('audit.page.previous')}
              </Link>
            ) : null}
            {cursor ? (
              <Link to={{ search: withCursor(params, undefined) }}>{t('audit.page.newest')}</Link>
            ) : null}
            {page.nextCursor ? (
              <Link
                to={{ search: withCursor(params, page.nextCursor) }}
                state={{ previousCursors: [...trail, cursor ?? ''] } satisfies PagingState}
              >
                {t('audit.page.next')}
              </Link>
            ) : (
              <span className="admin-muted">{t('audit.page.end')}</span>
            )}
          </nav>
        </div>
      ) : null}
    </Page>
  );
}
