import { Button, LoadingState, Skeleton, TextField, VisuallyHidden } from '@portal/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ActionMessage } from '../../../components/ActionMessage';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QueryLoadMore } from '../../../components/LoadMore';
import { Page } from '../../../components/Page';
import { SelectField } from '../../../components/SelectField';
import '../../../components/sections.css';
import { StatusBadge } from '../../../components/StatusBadge';
import { TableScroll } from '../../../components/TableScroll';
import { Time } from '../../../components/Time';
import { endOfLocalDay, isCalendarDate, startOfLocalDay } from '../../../lib/format-compact';
import { $api, pagedQueryOptions } from '../../../lib/api';
import { AUDIT_LOG_PATH, patientPath } from '../../../lib/paths';
import {
  EMERGENCY_ACCESS_PAGE_SIZE,
  EMERGENCY_ACCESS_PATH,
  useEmergencyAccessReviewed,
  type EmergencyAccessItem,
  type EmergencyAccessQuery,
} from '../api/emergency-access';

const CAPTION_ID = 'emergency-access-caption';
const FILTERS = ['from', 'to', 'reviewed', 'staffAccountId', 'patientId'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Record<Filter, string>;

function readFilters(params: URLSearchParams): Filters {
  const reviewed = params.get('reviewed') ?? '';
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    reviewed: reviewed === 'true' || reviewed === 'false' ? reviewed : '',
    staffAccountId: params.get('staffAccountId') ?? '',
    patientId: params.get('patientId') ?? '',
  };
}

function searchOf(filters: Filters): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  return params.toString();
}

/** The address's days (local) as the API's instants, `to` exclusive. */
function toQuery(filters: Filters): EmergencyAccessQuery {
  return {
    from: isCalendarDate(filters.from) ? startOfLocalDay(filters.from) : undefined,
    to: isCalendarDate(filters.to) ? endOfLocalDay(filters.to) : undefined,
    reviewed: filters.reviewed === '' ? undefined : (filters.reviewed as 'true' | 'false'),
    staffAccountId: filters.staffAccountId || undefined,
    patientId: filters.patientId || undefined,
  };
}

function ReviewCell({
  item,
  onReview,
  busy,
}: {
  item: EmergencyAccessItem;
  onReview: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  if (item.review) {
    return (
      <>
        {t('emergencyAccess.review.reviewedBy', {
          name: item.review.displayName ?? t('emergencyAccess.review.someone'),
        })}{' '}
        <Time value={item.review.reviewedAt} />
      </>
    );
  }
  return (
    <Button variant="secondary" busy={busy} onClick={onReview}>
      {t('emergencyAccess.review.mark')}
      <VisuallyHidden>
        {' '}
        {t('emergencyAccess.review.markWhat', {
          staff: item.staff.displayName,
          patient: item.patient.name,
        })}
      </VisuallyHidden>
    </Button>
  );
}

/**
 * Every emergency access ("break the glass"), newest first, for administrators to review:
 * who opened which patient's record, why, when and until when, and who reviewed it. Filters
 * live in the address, like the audit log's.
 */
export function EmergencyAccessReviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const [draft, setDraft] = useState(filters);
  const list = useInfiniteQuery(
    pagedQueryOptions(EMERGENCY_ACCESS_PATH, {
      query: { ...toQuery(filters), limit: EMERGENCY_ACCESS_PAGE_SIZE },
    }),
  );
  const review = $api.useMutation(
    'post',
    '/api/v1/emergency-access/{grantId}/review',
    useEmergencyAccessReviewed(),
  );
  const [message, setMessage] = useState<{ text: string; key: number } | null>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = searchOf(filters) !== '';

  const apply = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: searchOf(draft) }, { flushSync: true });
  };
  const only = (name: 'staffAccountId' | 'patientId', value: string) =>
    `?${searchOf({ ...filters, [name]: value })}`;
  const markReviewed = async (item: EmergencyAccessItem) => {
    try {
      await review.mutateAsync({ params: { path: { grantId: item.id } } });
      setMessage((previous) => ({
        text: t('emergencyAccess.review.done', {
          staff: item.staff.displayName,
          patient: item.patient.name,
        }),
        key: (previous?.key ?? 0) + 1,
      }));
    } catch {
      setMessage(null);
    }
  };

  return (
    <Page title={t('emergencyAccess.review.title')}>
      <p>{t('emergencyAccess.review.intro')}</p>
      <p>
        <Link to={AUDIT_LOG_PATH}>{t('emergencyAccess.review.back')}</Link>
      </p>
      <form
        className="admin-filters"
        aria-label={t('emergencyAccess.review.filters')}
        noValidate
        onSubmit={apply}
      >
        <TextField
          name="from"
          type="date"
          label={t('emergencyAccess.review.from')}
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <TextField
          name="to"
          type="date"
          label={t('emergencyAccess.review.to')}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <SelectField
          name="reviewed"
          label={t('emergencyAccess.review.state')}
          value={draft.reviewed}
          onChange={(event) => setDraft({ ...draft, reviewed: event.target.value })}
          options={[
            { value: '', label: t('emergencyAccess.review.anyState') },
            { value: 'false', label: t('emergencyAccess.review.waiting') },
            { value: 'true', label: t('emergencyAccess.review.reviewed') },
          ]}
        />
        <div className="ui-actions">
          <Button type="submit">{t('emergencyAccess.review.apply')}</Button>
          <Link to={{ search: '' }} onClick={() => setDraft(readFilters(new URLSearchParams()))}>
            {t('emergencyAccess.review.clear')}
          </Link>
        </div>
      </form>
      {message ? <ActionMessage focusKey={message.key}>{message.text}</ActionMessage> : null}
      {review.error ? <ApiErrorAlert error={review.error} /> : null}
      {list.isPending ? (
        <LoadingState label={t('emergencyAccess.review.loading')}>
          <Skeleton height="2.5rem" />
          <Skeleton height="2.5rem" />
        </LoadingState>
      ) : list.isError && items.length === 0 ? (
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p role="status">
          {filtered ? t('emergencyAccess.review.noneFiltered') : t('emergencyAccess.review.none')}
        </p>
      ) : (
        <>
          <TableScroll captionId={CAPTION_ID}>
            <table className="admin-table">
              <caption id={CAPTION_ID}>{t('emergencyAccess.review.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('emergencyAccess.review.columns.staff')}</th>
                  <th scope="col">{t('emergencyAccess.review.columns.patient')}</th>
                  <th scope="col">{t('emergencyAccess.review.columns.reason')}</th>
                  <th scope="col">{t('emergencyAccess.review.columns.granted')}</th>
                  <th scope="col">{t('emergencyAccess.review.columns.until')}</th>
                  <th scope="col">{t('emergencyAccess.review.columns.review')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link to={only('staffAccountId', item.staff.accountId)}>
                        {item.staff.displayName}
                      </Link>
                      <br />
                      <span className="admin-muted admin-mono">{item.staff.username}</span>
                    </td>
                    <td>
                      <Link to={patientPath(item.patient.id)}>{item.patient.name}</Link>
                      <br />
                      <span className="admin-muted">
                        {t('emergencyAccess.review.mrn', { mrn: item.patient.mrn })}
                      </span>{' '}
                      <Link to={only('patientId', item.patient.id)}>
                        {t('emergencyAccess.review.onlyPatient')}
                        <VisuallyHidden> {item.patient.name}</VisuallyHidden>
                      </Link>
                    </td>
                    <td>{item.reason}</td>
                    <td>
                      <Time value={item.grantedAt} />
                    </td>
                    <td>
                      <Time value={item.expiresAt} />{' '}
                      {item.active ? (
                        <StatusBadge tone="warning">{t('emergencyAccess.review.open')}</StatusBadge>
                      ) : null}
                    </td>
                    <td>
                      <ReviewCell
                        item={item}
                        busy={review.isPending && review.variables.params.path.grantId === item.id}
                        onReview={() => void markReviewed(item)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <QueryLoadMore list={list} shown={items.length} />
        </>
      )}
    </Page>
  );
}
